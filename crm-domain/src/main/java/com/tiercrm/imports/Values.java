package com.tiercrm.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates, times and amounts as people and spreadsheets write them.
 */
final class Values {

	/** 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, each optionally with a time. */
	private static final Pattern DATE_TIME = Pattern.compile(
			"(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[\\sT]+(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2})(?:\\.\\d+)?)?)?");

	/**
	 * An Excel serial date: days since 1899-12-30, the fraction being the time of day.
	 */
	private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private static final Pattern CURRENCY = Pattern.compile("(?i)[¥￥$€£\\s]|CNY|RMB|元");

	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|-?\\d+(\\.\\d+)?");

	private static final int MAX_DECIMALS = 4;

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	private Values() {
	}

	static Optional<LocalDateTime> dateTime(String text) {
		Matcher matcher = DATE_TIME.matcher(text.strip());
		if (matcher.matches()) {
			try {
				LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
						Integer.parseInt(matcher.group(3)));
				LocalTime time = (matcher.group(4) != null)
						? LocalTime.of(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
								(matcher.group(6) != null) ? Integer.parseInt(matcher.group(6)) : 0)
						: LocalTime.MIDNIGHT;
				return Optional.of(date.atTime(time));
			}
			catch (DateTimeException ex) {
				return Optional.empty();
			}
		}
		if (SERIAL.matcher(text.strip()).matches()) {
			BigDecimal serial = new BigDecimal(text.strip());
			if (serial.compareTo(BigDecimal.ONE) < 0 || serial.compareTo(new BigDecimal("2958465")) > 0) {
				return Optional.empty();
			}
			long days = serial.longValue();
			long seconds = serial.subtract(BigDecimal.valueOf(days))
				.multiply(BigDecimal.valueOf(86400))
				.setScale(0, RoundingMode.HALF_UP)
				.longValue();
			return Optional.of(EXCEL_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds));
		}
		return Optional.empty();
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

	/**
	 * An amount of money with at most four decimals (a quantity times a unit price gives
	 * three or four): a currency sign or code and thousands separators are allowed
	 * ({@code ¥1,234.50}, {@code 1234.5元}, {@code 2042.761}). Negative amounts are
	 * returns. The amount keeps its decimals, with at least two.
	 */
	static Optional<BigDecimal> amount(String text) {
		String bare = isPlainNumber(text) ? text : CURRENCY.matcher(text).replaceAll("");
		if (!AMOUNT.matcher(bare).matches()) {
			return Optional.empty();
		}
		BigDecimal amount = new BigDecimal(bare.replace(",", ""));
		int decimals = amount.stripTrailingZeros().scale();
		if (decimals > MAX_DECIMALS || amount.abs().compareTo(MAX_AMOUNT) > 0) {
			return Optional.empty();
		}
		return Optional.of(amount.setScale(Math.max(2, decimals), RoundingMode.UNNECESSARY));
	}

}
