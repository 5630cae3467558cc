package com.tiercrm.tiering.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HypergeometricTests {

	@Test
	void matchesClosedForms() {
		for (double z : new double[] { 0, 0.1, 0.5, 0.9, 0.999 }) {
			double logarithm = (z == 0) ? 1 : -Math.log(1 - z) / z;
			assertThat(Hypergeometric.scaled2F1(1, 1, 2, z, 0)).isCloseTo(logarithm, within(1e-12 * logarithm));
			assertThat(Hypergeometric.scaled2F1(2.5, 3, 3, z, 0)).isCloseTo(Math.pow(1 - z, -2.5),
					within(1e-11 * Math.pow(1 - z, -2.5)));
		}
	}

	@Test
	void largeTermsAreScaledInsteadOfOverflowing() {
		// (1 - z)^a · 2F1(a, b; b; z) = 1 for any a, here with terms far beyond 1e308
		assertThat(Hypergeometric.scaled2F1(2000, 7, 7, 0.9, 2000 * Math.log(0.1))).isCloseTo(1, within(1e-9));
	}

	@Test
	void argumentOutsideTheDiscIsNotANumber() {
		assertThat(Hypergeometric.scaled2F1(1, 1, 2, 1, 0)).isNaN();
		assertThat(Hypergeometric.scaled2F1(1, 1, 2, -0.5, 0)).isNaN();
	}

}
