package com.tiercrm.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.tiercrm.order.SalesProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats money and times for templates ({@code ${@fmt.money(amount)}}) in the user's
 * language, the installation's currency ({@code tiercrm.sales.currency}) and its time
 * zone. Every amount a page, an export or a chart shows goes through here.
 */
@Component("fmt")
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final SalesProperties sales;

	private final ZoneId zone;

	Formats(SalesProperties sales, WebProperties web) {
		this.sales = sales;
		this.zone = web.timeZone();
	}

	/**
	 * The ISO 4217 code of the installation's currency, e.g. {@code CNY} or {@code GBP}.
	 */
	public String currencyCode() {
		return this.sales.currency().getCurrencyCode();
	}

	/**
	 * A label of a column or axis of amounts with the currency they are in, e.g.
	 * {@code Spend (GBP)}, or {@code 消费金额（GBP）} with the full-width brackets Chinese text
	 * uses.
	 * @param label the label in the user's language
	 * @return the label with the currency code
	 */
	public String inCurrency(String label) {
		boolean chinese = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
		return chinese ? label + "（" + currencyCode() + "）" : label + " (" + currencyCode() + ")";
	}

	public String money(double amount) {
		return moneyFormat(LocaleContextHolder.getLocale()).format(amount);
	}

	public String money(@Nullable BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		return moneyFormat(LocaleContextHolder.getLocale()).format(amount);
	}

	/**
	 * A formatter of amounts in the installation's currency, for code that formats many:
	 * not thread-safe, so one per use.
	 * @param locale the user's language
	 * @return a new formatter
	 */
	public NumberFormat moneyFormat(Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(this.sales.currency());
		return format;
	}

	public String dateTime(@Nullable Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(this.zone)) : "";
	}

	public String date(@Nullable Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(this.zone)) : "";
	}

}
