package com.tiercrm.imports;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTests {

	@Test
	void readsTheUsualWaysOfWritingADate() {
		LocalDateTime midnight = LocalDateTime.of(2024, 1, 5, 0, 0);
		assertThat(Values.dateTime("2024-01-05")).hasValue(midnight);
		assertThat(Values.dateTime("2024/1/5")).hasValue(midnight);
		assertThat(Values.dateTime("2024年1月5日")).hasValue(midnight);
		assertThat(Values.dateTime("2024.1.5")).hasValue(midnight);
	}

	@Test
	void readsTimesToo() {
		assertThat(Values.dateTime("2024/1/5 9:07")).hasValue(LocalDateTime.of(2024, 1, 5, 9, 7));
		assertThat(Values.dateTime("2024-01-05T14:30:15")).hasValue(LocalDateTime.of(2024, 1, 5, 14, 30, 15));
		assertThat(Values.dateTime("2024年1月5日 14:30")).hasValue(LocalDateTime.of(2024, 1, 5, 14, 30));
	}

	@Test
	void readsExcelSerialDates() {
		assertThat(Values.dateTime("45296")).hasValue(LocalDateTime.of(2024, 1, 5, 0, 0));
		assertThat(Values.dateTime("45296.5")).hasValue(LocalDateTime.of(2024, 1, 5, 12, 0));
	}

	@Test
	void refusesWhatIsNotADate() {
		assertThat(Values.dateTime("2024-02-30")).isEmpty();
		assertThat(Values.dateTime("yesterday")).isEmpty();
		assertThat(Values.dateTime("0")).isEmpty();
	}

	@Test
	void readsAmountsWithSeparatorsAndCurrencySigns() {
		assertThat(Values.amount("1,234.50")).hasValue(new BigDecimal("1234.50"));
		assertThat(Values.amount("¥1234.5")).hasValue(new BigDecimal("1234.50"));
		assertThat(Values.amount("￥ 2,000")).hasValue(new BigDecimal("2000.00"));
		assertThat(Values.amount("99元")).hasValue(new BigDecimal("99.00"));
		assertThat(Values.amount("-12.30")).hasValue(new BigDecimal("-12.30"));
	}

	@Test
	void keepsUpToFourDecimalsExactly() {
		assertThat(Values.amount("2042.761")).hasValue(new BigDecimal("2042.761"));
		assertThat(Values.amount("-0.1234")).hasValue(new BigDecimal("-0.1234"));
		assertThat(Values.amount("5.1000")).hasValue(new BigDecimal("5.10"));
	}

	@Test
	void refusesWhatIsNotAnAmount() {
		assertThat(Values.amount("12.34567")).isEmpty();
		assertThat(Values.amount("1,23")).isEmpty();
		assertThat(Values.amount("abc")).isEmpty();
		assertThat(Values.amount("=1+1")).isEmpty();
	}

}
