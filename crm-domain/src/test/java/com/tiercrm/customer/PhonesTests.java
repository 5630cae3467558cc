package com.tiercrm.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhonesTests {

	@Test
	void dropsTheChinaPrefixAndSeparators() {
		assertThat(Phones.normalise("+86 138-1234-5678")).hasValue("13812345678");
		assertThat(Phones.normalise("0086 13812345678")).hasValue("13812345678");
		assertThat(Phones.normalise("8613812345678")).hasValue("13812345678");
		assertThat(Phones.normalise("138 1234 5678")).hasValue("13812345678");
	}

	@Test
	void keepsLandlinesAndOtherCountries() {
		assertThat(Phones.normalise("(021) 6123-4567")).hasValue("02161234567");
		assertThat(Phones.normalise("+1 415 555 0100")).hasValue("+14155550100");
	}

	@Test
	void refusesText() {
		assertThat(Phones.normalise("=HYPERLINK(\"x\")")).isEmpty();
		assertThat(Phones.normalise("call me")).isEmpty();
	}

}
