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

import com.tiercrm.order.OrderRules;
import org.jspecify.annotations.Nullable;

/**
 * Reads dates, times and amounts as people and spreadsheets write them.
 */
final class Values {

	/**
	 * A time after a date: 8:26, 08:26:00, 14:30:15.5, 8:26 PM; groups hour, minute,
	 * second, AM/PM.
	 */
	private static final String TIME = "(?:[\\sT]+(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2})(?:\\.\\d+)?)?"
			+ "(?:\\s*([AaPp])\\.?[Mm]\\.?)?)?";

	/** 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, each optionally with a time. */
	private static final Pattern DATE_TIME = Pattern
		.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?" + TIME);

	/**
	 * 12/1/2010, 01.12.2010, 1-12-2010 (one separator throughout), optionally with a
	 * time; groups first, second, year, then the time's. A two-digit year is matched to
	 * be refused.
	 */
	private static final Pattern DAY_MONTH = Pattern
		.compile("(\\d{1,2})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4}|\\d{2})" + TIME);

	/**
	 * An Excel serial date: days since 1899-12-30, the fraction being the time of day.
	 */
	private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private Values() {
	}

	/**
	 * What a date cell says about the order of day and month: which order it can only be
	 * read in, that it could be read in both with different results, or nothing (written
	 * year first, a serial, 5/5/2024, or no date at all).
	 */
	enum DateClue {

		NONE, DAY_FIRST, MONTH_FIRST, AMBIGUOUS

	}

	/** What an amount cell says about the decimal mark, like {@link DateClue}. */
	enum DecimalClue {

		NONE, POINT, COMMA, AMBIGUOUS

	}

	/** A date written year first, or an Excel serial date. */
	static Optional<LocalDateTime> dateTime(String text) {
		return dateTime(text, null);
	}

	/**
	 * A date written year first or an Excel serial date, or, when the order of day and
	 * month is known, a date written day or month first with a four-digit year.
	 */
	static Optional<LocalDateTime> dateTime(String text, @Nullable DateOrder order) {
		String stripped = text.strip();
		Matcher matcher = DATE_TIME.matcher(stripped);
		if (matcher.matches()) {
			return dateTime(matcher.group(1), matcher.group(2), matcher.group(3), matcher, 4);
		}
		if (order == DateOrder.DAY_FIRST || order == DateOrder.MONTH_FIRST) {
			Matcher dayMonth = DAY_MONTH.matcher(stripped);
			if (dayMonth.matches()) {
				if (dayMonth.group(4).length() != 4) {
					return Optional.empty();
				}
				boolean dayFirst = order == DateOrder.DAY_FIRST;
				return dateTime(dayMonth.group(4), dayMonth.group(dayFirst ? 3 : 1), dayMonth.group(dayFirst ? 1 : 3),
						dayMonth, 5);
			}
		}
		if (SERIAL.matcher(stripped).matches()) {
			BigDecimal serial = new BigDecimal(stripped);
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

	private static Optional<LocalDateTime> dateTime(String year, String month, String day, Matcher time,
			int timeGroup) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
			if (time.group(timeGroup) == null) {
				return Optional.of(date.atStartOfDay());
			}
			int hour = Integer.parseInt(time.group(timeGroup));
			String half = time.group(timeGroup + 3);
			if (half != null) {
				// 12:05 AM is five past midnight, 12:05 PM five past noon.
				if (hour < 1 || hour > 12) {
					return Optional.empty();
				}
				hour = (hour % 12) + (Character.toUpperCase(half.charAt(0)) == 'P' ? 12 : 0);
			}
			String second = time.group(timeGroup + 2);
			return Optional.of(date.atTime(LocalTime.of(hour, Integer.parseInt(time.group(timeGroup + 1)),
					(second != null) ? Integer.parseInt(second) : 0)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** Whether the text is a date written day or month first with a two-digit year. */
	static boolean hasTwoDigitYear(String text) {
		Matcher matcher = DAY_MONTH.matcher(text.strip());
		return matcher.matches() && matcher.group(4).length() == 2;
	}

	static DateClue dateClue(String text) {
		Matcher matcher = DAY_MONTH.matcher(text.strip());
		if (!matcher.matches() || matcher.group(4).length() != 4) {
			return DateClue.NONE;
		}
		boolean dayFirst = dateTime(text, DateOrder.DAY_FIRST).isPresent();
		boolean monthFirst = dateTime(text, DateOrder.MONTH_FIRST).isPresent();
		if (dayFirst && monthFirst) {
			// 5/5/2024 reads the same either way.
			return (Integer.parseInt(matcher.group(1)) == Integer.parseInt(matcher.group(3))) ? DateClue.NONE
					: DateClue.AMBIGUOUS;
		}
		return dayFirst ? DateClue.DAY_FIRST : monthFirst ? DateClue.MONTH_FIRST : DateClue.NONE;
	}

	/** An amount with a decimal point, as {@link #amount(String, DecimalMark)}. */
	static Optional<BigDecimal> amount(String text) {
		return amount(text, DecimalMark.POINT);
	}

	/**
	 * An amount of money as {@link OrderRules#amount(String, boolean)} reads it, the rule
	 * the orders recorded in the application follow too.
	 */
	static Optional<BigDecimal> amount(String text, DecimalMark mark) {
		return OrderRules.amount(text, mark == DecimalMark.COMMA);
	}

	/**
	 * Which decimal mark an amount can only be read with, or that it reads as different
	 * amounts with either ({@code 1,234}, {@code 1.234}), or nothing ({@code 1234}).
	 */
	static DecimalClue decimalClue(String text) {
		Optional<BigDecimal> point = amount(text, DecimalMark.POINT);
		Optional<BigDecimal> comma = amount(text, DecimalMark.COMMA);
		if (point.isPresent() && comma.isPresent()) {
			return (point.get().compareTo(comma.get()) != 0) ? DecimalClue.AMBIGUOUS : DecimalClue.NONE;
		}
		return point.isPresent() ? DecimalClue.POINT : comma.isPresent() ? DecimalClue.COMMA : DecimalClue.NONE;
	}

}
