package com.tiercrm.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerChunkTests {

	@Test
	void codesArePaddedAndGrowPastTheirWidth() {
		assertThat(CustomerChunk.customerCode(1)).isEqualTo("C0000001");
		assertThat(CustomerChunk.customerCode(12_345_678)).isEqualTo("C12345678");
		assertThat(CustomerChunk.orderNumber(1)).isEqualTo("SO00000001");
		assertThat(CustomerChunk.orderNumber(10_000_000)).isEqualTo("SO10000000");
	}

}
