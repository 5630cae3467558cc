package com.tiercrm.lease;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LeasePropertiesTests {

	@Test
	void aLeaseIsRenewedMoreOftenThanItLasts() {
		assertThatNoException().isThrownBy(
				() -> new LeaseProperties(Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(30)));
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new LeaseProperties(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30)))
			.withMessageContaining("tiercrm.leases.renewal-interval");
	}

}
