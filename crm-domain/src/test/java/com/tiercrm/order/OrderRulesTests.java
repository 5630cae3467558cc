package com.tiercrm.order;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRulesTests {

	@Test
	void readsAmountsAsTheImportDoesInTheTensOfThousandsAndBeyond() {
		assertThat(OrderRules.amount("¥12,345.60", false)).hasValue(new BigDecimal("12345.60"));
		assertThat(OrderRules.amount("￥ 98,765", false)).hasValue(new BigDecimal("98765.00"));
		assertThat(OrderRules.amount("1234567.8912元", false)).hasValue(new BigDecimal("1234567.8912"));
		assertThat(OrderRules.amount("RMB 50000", false)).hasValue(new BigDecimal("50000.00"));
		assertThat(OrderRules.amount("-23,456.70", false)).hasValue(new BigDecimal("-23456.70"));
		assertThat(OrderRules.amount("999,999,999,999.99", false)).hasValue(OrderRules.MAX_AMOUNT);
		assertThat(OrderRules.amount("1.234,56", true)).hasValue(new BigDecimal("1234.56"));
	}

	@Test
	void refusesWhatIsNoAmountOrTooLarge() {
		assertThat(OrderRules.amount("1,000,000,000,000.00", false)).isEmpty();
		assertThat(OrderRules.amount("12.34567", false)).isEmpty();
		assertThat(OrderRules.amount("12,34", false)).isEmpty();
		assertThat(OrderRules.amount("twelve", false)).isEmpty();
		assertThat(OrderRules.amount("", false)).isEmpty();
	}

	@Test
	void namesStatusesInEitherLanguage() {
		assertThat(OrderRules.status("COMPLETED")).hasValue(OrderStatus.COMPLETED);
		assertThat(OrderRules.status(" 已取消 ")).hasValue(OrderStatus.CANCELLED);
		assertThat(OrderRules.status("退款")).hasValue(OrderStatus.REFUNDED);
		assertThat(OrderRules.status("shipped")).isEmpty();
	}

	@Test
	void acceptsDaysFromTheEarliestToTomorrow() {
		LocalDate today = LocalDate.of(2026, 12, 7);
		LocalDate earliest = LocalDate.of(1970, 1, 1);
		assertThat(OrderRules.plausibleDay(today.plusDays(1), earliest, today)).isTrue();
		assertThat(OrderRules.plausibleDay(today.plusDays(2), earliest, today)).isFalse();
		assertThat(OrderRules.plausibleDay(earliest, earliest, today)).isTrue();
		assertThat(OrderRules.plausibleDay(earliest.minusDays(1), earliest, today)).isFalse();
	}

}
