package com.tiercrm.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import com.tiercrm.order.OrderRules;
import org.jspecify.annotations.Nullable;

/**
 * Turns the dates of a file into instants and refuses the implausible ones: a date after
 * tomorrow is a typing error (2099 for 2019), one before the earliest accepted date a
 * placeholder (1900-01-01) that would otherwise make a customer's recency tens of
 * thousands of days and be read through a historical zone offset.
 */
final class PlausibleDates {

	private final ZoneId zone;

	private final LocalDate earliest;

	private final LocalDate today;

	PlausibleDates(ZoneId zone, LocalDate earliest, Clock clock) {
		this.zone = zone;
		this.earliest = earliest;
		this.today = LocalDate.now(clock.withZone(zone));
	}

	PlausibleDates(ImportProperties properties) {
		this(properties.timeZone(), properties.earliestDate(), Clock.systemUTC());
	}

	/**
	 * The instant of a date in the file's zone, or empty when it is out of range.
	 */
	Optional<Instant> instant(LocalDateTime local) {
		if (!OrderRules.plausibleDay(local.toLocalDate(), this.earliest, this.today)) {
			return Optional.empty();
		}
		return Optional.of(local.atZone(this.zone).toInstant());
	}

	/**
	 * Reads a date and time cell; reports a cell that is no date, or an implausible one.
	 * @param order the order of day and month decided for the file, or {@code null} when
	 * its dates are written year first
	 * @return the instant, or {@code null} after reporting the cell
	 */
	<C extends Enum<C> & ImportColumn> @Nullable Instant read(RowCells<C> cells, C column, String text,
			@Nullable DateOrder order) {
		Optional<LocalDateTime> local = Values.dateTime(text, order);
		if (local.isEmpty()) {
			cells.reject(column, text, reason(text, order));
			return null;
		}
		Optional<Instant> instant = instant(local.get());
		if (instant.isEmpty()) {
			cells.reject(column, text, "import.error.dateOutOfRange");
			return null;
		}
		return instant.get();
	}

	/** Why a cell is no date, as precisely as can be told. */
	private static String reason(String text, @Nullable DateOrder order) {
		if (Values.hasTwoDigitYear(text)) {
			return "import.error.twoDigitYear";
		}
		if (order == null) {
			return (Values.dateTime(text, DateOrder.DAY_FIRST).isPresent()
					|| Values.dateTime(text, DateOrder.MONTH_FIRST).isPresent()) ? "import.error.dateOrderUnknown"
							: "import.error.dateTime";
		}
		return Values.dateTime(text, order.other()).isPresent() ? "import.error.dateOrder" : "import.error.dateTime";
	}

}
