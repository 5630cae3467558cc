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

	@Test
	void readsDatesWrittenDayOrMonthFirstOnlyInTheOrderGiven() {
		assertThat(Values.dateTime("12/1/2010 8:26", DateOrder.MONTH_FIRST))
			.hasValue(LocalDateTime.of(2010, 12, 1, 8, 26));
		assertThat(Values.dateTime("12/1/2010 8:26", DateOrder.DAY_FIRST))
			.hasValue(LocalDateTime.of(2010, 1, 12, 8, 26));
		assertThat(Values.dateTime("01.12.2010 08:26:00", DateOrder.DAY_FIRST))
			.hasValue(LocalDateTime.of(2010, 12, 1, 8, 26));
		assertThat(Values.dateTime("1-12-2010", DateOrder.DAY_FIRST)).hasValue(LocalDateTime.of(2010, 12, 1, 0, 0));
		assertThat(Values.dateTime("12/1/2010 8:26")).isEmpty();
		assertThat(Values.dateTime("13/01/2011", DateOrder.MONTH_FIRST)).isEmpty();
		assertThat(Values.dateTime("12/1.2010", DateOrder.DAY_FIRST)).isEmpty();
		assertThat(Values.dateTime("2024-01-05", DateOrder.MONTH_FIRST)).hasValue(LocalDateTime.of(2024, 1, 5, 0, 0));
	}

	@Test
	void readsTwelveHourTimes() {
		assertThat(Values.dateTime("12/1/2010 8:26 PM", DateOrder.MONTH_FIRST))
			.hasValue(LocalDateTime.of(2010, 12, 1, 20, 26));
		assertThat(Values.dateTime("12/1/2010 12:05 am", DateOrder.MONTH_FIRST))
			.hasValue(LocalDateTime.of(2010, 12, 1, 0, 5));
		assertThat(Values.dateTime("12/1/2010 12:05:09 p.m.", DateOrder.MONTH_FIRST))
			.hasValue(LocalDateTime.of(2010, 12, 1, 12, 5, 9));
		assertThat(Values.dateTime("2024-01-05 9:07 PM")).hasValue(LocalDateTime.of(2024, 1, 5, 21, 7));
		assertThat(Values.dateTime("12/1/2010 13:05 PM", DateOrder.MONTH_FIRST)).isEmpty();
		assertThat(Values.dateTime("12/1/2010 0:05 AM", DateOrder.MONTH_FIRST)).isEmpty();
	}

	@Test
	void refusesTwoDigitYears() {
		assertThat(Values.dateTime("12/1/10 8:26", DateOrder.MONTH_FIRST)).isEmpty();
		assertThat(Values.hasTwoDigitYear("12/1/10 8:26")).isTrue();
		assertThat(Values.hasTwoDigitYear("12/1/2010 8:26")).isFalse();
		assertThat(Values.dateClue("13/1/10")).isEqualTo(Values.DateClue.NONE);
	}

	@Test
	void tellsWhatADateSaysAboutTheOrderOfDayAndMonth() {
		assertThat(Values.dateClue("13/01/2011 09:00")).isEqualTo(Values.DateClue.DAY_FIRST);
		assertThat(Values.dateClue("12/13/2010 8:26")).isEqualTo(Values.DateClue.MONTH_FIRST);
		assertThat(Values.dateClue("12/1/2010 8:26")).isEqualTo(Values.DateClue.AMBIGUOUS);
		assertThat(Values.dateClue("05.05.2010")).isEqualTo(Values.DateClue.NONE);
		assertThat(Values.dateClue("2010-12-13")).isEqualTo(Values.DateClue.NONE);
		assertThat(Values.dateClue("31/02/2010")).isEqualTo(Values.DateClue.NONE);
		assertThat(Values.dateClue("13/13/2010")).isEqualTo(Values.DateClue.NONE);
	}

	@Test
	void readsDecimalCommas() {
		assertThat(Values.amount("1.234,56", DecimalMark.COMMA)).hasValue(new BigDecimal("1234.56"));
		assertThat(Values.amount("1 234,56", DecimalMark.COMMA)).hasValue(new BigDecimal("1234.56"));
		assertThat(Values.amount("1\u00A0234,56 €", DecimalMark.COMMA)).hasValue(new BigDecimal("1234.56"));
		assertThat(Values.amount("1234,56", DecimalMark.COMMA)).hasValue(new BigDecimal("1234.56"));
		assertThat(Values.amount("-12,5", DecimalMark.COMMA)).hasValue(new BigDecimal("-12.50"));
		assertThat(Values.amount("1.234", DecimalMark.COMMA)).hasValue(new BigDecimal("1234.00"));
		assertThat(Values.amount("1,234.56", DecimalMark.COMMA)).isEmpty();
		assertThat(Values.amount("1,234.56")).hasValue(new BigDecimal("1234.56"));
		assertThat(Values.amount("1,234")).hasValue(new BigDecimal("1234.00"));
		assertThat(Values.amount("1 234.56")).hasValue(new BigDecimal("1234.56"));
		assertThat(Values.amount("1.234,56")).isEmpty();
	}

	@Test
	void tellsWhatAnAmountSaysAboutTheDecimalMark() {
		assertThat(Values.decimalClue("1.234,56")).isEqualTo(Values.DecimalClue.COMMA);
		assertThat(Values.decimalClue("1234,56")).isEqualTo(Values.DecimalClue.COMMA);
		assertThat(Values.decimalClue("-12,5")).isEqualTo(Values.DecimalClue.COMMA);
		assertThat(Values.decimalClue("1,234.56")).isEqualTo(Values.DecimalClue.POINT);
		assertThat(Values.decimalClue("12.5")).isEqualTo(Values.DecimalClue.POINT);
		assertThat(Values.decimalClue("1,234")).isEqualTo(Values.DecimalClue.AMBIGUOUS);
		assertThat(Values.decimalClue("1.234")).isEqualTo(Values.DecimalClue.AMBIGUOUS);
		assertThat(Values.decimalClue("1234")).isEqualTo(Values.DecimalClue.NONE);
		assertThat(Values.decimalClue("abc")).isEqualTo(Values.DecimalClue.NONE);
	}

}
