package com.tiercrm.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.tiercrm.imports.FileReading.Decision;
import com.tiercrm.imports.Values.DateClue;
import com.tiercrm.imports.Values.DecimalClue;
import org.jspecify.annotations.Nullable;

/**
 * Collects what the dates and amounts of a file say about how to read them, and decides.
 * <p>
 * Dates: a date whose first number is above 12 (13/01/2011) can only be day first, one
 * whose second is (01/13/2011) only month first. When both kinds occur the majority
 * decides and the others become row errors (a tie is refused); when neither does and some
 * date could be read both ways (01/02/2011), the file is refused unless the admin chose
 * the order: it is never guessed.
 * <p>
 * Amounts: a value read by only one decimal mark ({@code 1.234,56}, {@code 1234,56} only
 * with a comma, {@code 12.5}, {@code 1,234.56} only with a point) is evidence; the
 * majority decides. Values read differently by both ({@code 1,234}: 1234 or 1.234) settle
 * nothing: without evidence or a choice, the decimal point (1,234 = 1234) stays.
 */
final class ReadingEvidence {

	private final Map<DateClue, Seen> dates = new EnumMap<>(DateClue.class);

	private final Map<DecimalClue, Seen> amounts = new EnumMap<>(DecimalClue.class);

	void date(long row, String text) {
		if (!text.isEmpty()) {
			see(this.dates, Values.dateClue(text), row, text);
		}
	}

	void amount(long row, String text) {
		if (!text.isEmpty()) {
			see(this.amounts, Values.decimalClue(text), row, text);
		}
	}

	private static <K> void see(Map<K, Seen> seen, K clue, long row, String text) {
		Seen first = seen.get(clue);
		if (first == null) {
			seen.put(clue, new Seen(row, text));
		}
		else {
			first.count++;
		}
	}

	/**
	 * Whether more rows must be read to decide: only when the dates could so far be read
	 * either way, and the admin left their order to the file.
	 */
	boolean undecided(ReadingSettings settings) {
		return settings.dateOrder() == DateOrder.AUTO && this.dates.containsKey(DateClue.AMBIGUOUS)
				&& !this.dates.containsKey(DateClue.DAY_FIRST) && !this.dates.containsKey(DateClue.MONTH_FIRST);
	}

	/**
	 * How to read the file.
	 * @throws ImportFileException when the order of day and month is left to a file that
	 * does not settle it
	 */
	FileReading decide(ReadingSettings settings) {
		return new FileReading(decideDates(settings.dateOrder()), decideDecimals(settings.decimalMark()));
	}

	private @Nullable Decision<DateOrder> decideDates(DateOrder chosen) {
		if (chosen != DateOrder.AUTO) {
			return Decision.chosen(chosen);
		}
		Seen dayFirst = this.dates.get(DateClue.DAY_FIRST);
		Seen monthFirst = this.dates.get(DateClue.MONTH_FIRST);
		if (dayFirst != null && monthFirst != null && dayFirst.count == monthFirst.count) {
			throw new ImportFileException("import.file.dateOrderInconsistent",
					dayFirst.value + ", " + monthFirst.value);
		}
		if (dayFirst != null && (monthFirst == null || dayFirst.count > monthFirst.count)) {
			return new Decision<>(DateOrder.DAY_FIRST, ReadingBasis.EVIDENCE, dayFirst.row, dayFirst.value);
		}
		if (monthFirst != null) {
			return new Decision<>(DateOrder.MONTH_FIRST, ReadingBasis.EVIDENCE, monthFirst.row, monthFirst.value);
		}
		Seen ambiguous = this.dates.get(DateClue.AMBIGUOUS);
		if (ambiguous != null) {
			throw new ImportFileException("import.file.dateOrderAmbiguous", ambiguous.value);
		}
		return null;
	}

	private @Nullable Decision<DecimalMark> decideDecimals(DecimalMark chosen) {
		if (chosen != DecimalMark.AUTO) {
			return Decision.chosen(chosen);
		}
		Seen point = this.amounts.get(DecimalClue.POINT);
		Seen comma = this.amounts.get(DecimalClue.COMMA);
		if (comma != null && (point == null || comma.count > point.count)) {
			return new Decision<>(DecimalMark.COMMA, ReadingBasis.EVIDENCE, comma.row, comma.value);
		}
		if (point != null) {
			return new Decision<>(DecimalMark.POINT, ReadingBasis.EVIDENCE, point.row, point.value);
		}
		Seen ambiguous = this.amounts.get(DecimalClue.AMBIGUOUS);
		return (ambiguous != null)
				? new Decision<>(DecimalMark.POINT, ReadingBasis.AMBIGUOUS, ambiguous.row, ambiguous.value) : null;
	}

	/**
	 * Reads the dates and amounts of the first {@code sampleRows} non-blank rows (and
	 * further, only while the dates could still be either order) and decides how to read
	 * the file.
	 * @param dates the date cells of a row
	 * @param amounts the amount cells of a row
	 */
	static FileReading scan(Iterable<ImportFile.Row> rows, Function<ImportFile.Row, List<String>> dates,
			Function<ImportFile.Row, List<String>> amounts, ReadingSettings settings, int sampleRows) {
		ReadingEvidence evidence = new ReadingEvidence();
		int read = 0;
		for (ImportFile.Row row : rows) {
			if (row.isBlank()) {
				continue;
			}
			if (read++ >= sampleRows && !evidence.undecided(settings)) {
				break;
			}
			for (String date : dates.apply(row)) {
				evidence.date(row.number(), date);
			}
			for (String amount : amounts.apply(row)) {
				evidence.amount(row.number(), amount);
			}
		}
		return evidence.decide(settings);
	}

	/** The first value of a kind and how many there were. */
	private static final class Seen {

		private final long row;

		private final String value;

		private int count = 1;

		Seen(long row, String value) {
			this.row = row;
			this.value = value;
		}

	}

}
