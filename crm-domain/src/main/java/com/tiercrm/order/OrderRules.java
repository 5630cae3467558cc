package com.tiercrm.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes an order valid, wherever it comes from: the order import and the orders
 * people record or edit in the application read amounts, statuses and dates by the same
 * rules.
 */
public final class OrderRules {

	/** The longest order number, customer code and channel a column holds. */
	public static final int MAX_ORDER_NO = 64;

	public static final int MAX_CHANNEL = 50;

	/** The largest amount in either direction: 999,999,999,999.99. */
	public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	/** A quantity times a unit price gives three or four decimals. */
	public static final int MAX_DECIMALS = 4;

	private static final Map<String, OrderStatus> STATUSES = Map.ofEntries(
			Map.entry("completed", OrderStatus.COMPLETED), Map.entry("已完成", OrderStatus.COMPLETED),
			Map.entry("完成", OrderStatus.COMPLETED), Map.entry("成交", OrderStatus.COMPLETED),
			Map.entry("cancelled", OrderStatus.CANCELLED), Map.entry("canceled", OrderStatus.CANCELLED),
			Map.entry("已取消", OrderStatus.CANCELLED), Map.entry("取消", OrderStatus.CANCELLED),
			Map.entry("refunded", OrderStatus.REFUNDED), Map.entry("已退款", OrderStatus.REFUNDED),
			Map.entry("退款", OrderStatus.REFUNDED));

	/** Currency signs and codes, and blanks (thousands separators in 1 234,56). */
	private static final Pattern CURRENCY = Pattern.compile("(?i)[¥￥$€£\\s\\u00A0\\u202F]|CNY|RMB|EUR|GBP|元");

	private static final Pattern POINT_AMOUNT = Pattern.compile("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|-?\\d+(\\.\\d+)?");

	private static final Pattern COMMA_AMOUNT = Pattern.compile("-?\\d{1,3}(\\.\\d{3})*(,\\d+)?|-?\\d+(,\\d+)?");

	private OrderRules() {
	}

	/**
	 * The status a word names, in English or Chinese, case-insensitive
	 * ({@code completed}, {@code 已完成}, {@code CANCELLED}, {@code 退款}, ...).
	 * @param word the status as written
	 * @return the status, or empty for a word that names none
	 */
	public static Optional<OrderStatus> status(String word) {
		return Optional.ofNullable(STATUSES.get(word.strip().toLowerCase(Locale.ROOT)));
	}

	/**
	 * The statuses by the words that name them, lower case, for readers that look them up
	 * themselves.
	 * @return every word and its status
	 */
	public static Map<String, OrderStatus> statusWords() {
		return STATUSES;
	}

	/**
	 * An amount of money with at most four decimals: a currency sign or code and
	 * thousands separators are allowed ({@code ¥12,345.60}, {@code 1234.5元},
	 * {@code 2042.761}; with a decimal comma {@code 1.234,56}, {@code 1 234,56 €},
	 * {@code -12,5}). Negative amounts are returns. The amount keeps its decimals, with
	 * at least two.
	 * @param text the amount as written
	 * @param decimalComma whether the decimal mark is a comma
	 * @return the amount, or empty when it is no amount, has more than four decimals or
	 * exceeds {@link #MAX_AMOUNT}
	 */
	public static Optional<BigDecimal> amount(String text, boolean decimalComma) {
		String bare = isPlainNumber(text) ? text : CURRENCY.matcher(text).replaceAll("");
		if (!(decimalComma ? COMMA_AMOUNT : POINT_AMOUNT).matcher(bare).matches()) {
			return Optional.empty();
		}
		BigDecimal amount = new BigDecimal(
				decimalComma ? bare.replace(".", "").replace(',', '.') : bare.replace(",", ""));
		int decimals = amount.stripTrailingZeros().scale();
		if (decimals > MAX_DECIMALS || amount.abs().compareTo(MAX_AMOUNT) > 0) {
			return Optional.empty();
		}
		return Optional.of(amount.setScale(Math.max(2, decimals), RoundingMode.UNNECESSARY));
	}

	/**
	 * Whether an order may be dated on a day: a day after tomorrow is a typing error
	 * (2099 for 2019), one before the earliest accepted day a placeholder (1900-01-01).
	 * @param day the order's calendar day
	 * @param earliest the earliest day accepted
	 * @param today today, in the same zone as the day
	 * @return whether the day is plausible
	 */
	public static boolean plausibleDay(LocalDate day, LocalDate earliest, LocalDate today) {
		return !day.isBefore(earliest) && !day.isAfter(today.plusDays(1));
	}

	/** Digits, separators and signs only: nothing for the currency pattern to remove. */
	private static boolean isPlainNumber(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < '0' || c > '9') && c != '.' && c != ',' && c != '-') {
				return false;
			}
		}
		return true;
	}

}
