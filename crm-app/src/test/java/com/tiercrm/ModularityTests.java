package com.tiercrm;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module; modules depend on each other one way only and only
 * through their base packages.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(TierCrmApplication.class);

	@Test
	void modulesAreWellFormed() {
		this.modules.verify();
	}

}
