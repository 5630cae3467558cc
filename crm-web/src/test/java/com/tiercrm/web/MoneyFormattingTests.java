package com.tiercrm.web;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import com.tiercrm.order.SalesProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts are shown in the installation's currency, in the user's language, wherever they
 * come from: a template, a model reason or a column header.
 */
class MoneyFormattingTests {

	private final Formats pounds = new Formats(new SalesProperties(Currency.getInstance("GBP")),
			new WebProperties(ZoneId.of("Europe/London")));

	private final ReasonText reasons = new ReasonText(messages(), this.pounds);

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void amountsAreInTheConfiguredCurrencyInBothLanguages() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.pounds.money(new BigDecimal("1234.5"))).isEqualTo("£1,234.50");
		assertThat(this.pounds.money(7200.0)).isEqualTo("£7,200.00");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.pounds.money(new BigDecimal("1234.5"))).isEqualTo("£1,234.50");
		assertThat(this.pounds.currencyCode()).isEqualTo("GBP");
		assertThat(this.pounds.inCurrency("消费金额")).isEqualTo("消费金额（GBP）");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.pounds.inCurrency("Spend")).isEqualTo("Spend (GBP)");
	}

	@Test
	void theDefaultCurrencyIsTheYuan() {
		Formats yuan = new Formats(new SalesProperties(Currency.getInstance("CNY")),
				new WebProperties(ZoneId.of("Asia/Shanghai")));
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(yuan.money(new BigDecimal("1234.5"))).isEqualTo("¥1,234.50");
	}

	@Test
	void reasonsShowTheirAmountsInTheCurrencyAndOtherNumbersPlain() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.reasons.text("rfm.reason.matrix|12|30.5|3|2.25|456.7|300"))
			.isEqualTo("Last purchase 12 days ago (average 30.5), 3 orders (average 2.25), spend £456.70"
					+ " (average £300.00).");
		assertThat(this.reasons.text("clv.reason.simple|1500|2|10|250|0.5|12|30")).startsWith(
				"Simple estimate (no model fit): predicted value £1,500.00, rank 2 of 10 = average order £250.00 ×");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.reasons.text("clv.reason.model|1500|2|10|3.5|12|80|120.5")).contains("预测价值£1,500.00")
			.contains("预计每次消费£120.50");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
