package com.tiercrm.imports;

import org.jspecify.annotations.Nullable;

/**
 * How a file's dates and amounts are read, decided before its rows are parsed so that
 * every row, on every path, is read the same way.
 *
 * @param dates the order of day and month, or {@code null} when the file has no date
 * written day or month first (then only year-first dates and serials are read)
 * @param decimals the decimal mark, or {@code null} when no amount needs one decided
 * (then a decimal point, as always)
 */
record FileReading(@Nullable Decision<DateOrder> dates, @Nullable Decision<DecimalMark> decimals) {

	static final FileReading NOTHING_TO_DECIDE = new FileReading(null, null);

	@Nullable DateOrder dateOrder() {
		return (this.dates != null) ? this.dates.value() : null;
	}

	DecimalMark decimalMark() {
		return (this.decimals != null) ? this.decimals.value() : DecimalMark.POINT;
	}

	/**
	 * One decision and what it rests on.
	 *
	 * @param <T> what was decided
	 * @param value the decision
	 * @param basis why
	 * @param row the row of the example, 0 without one
	 * @param example the value that settled it ({@link ReadingBasis#EVIDENCE}) or that
	 * could be read either way ({@link ReadingBasis#AMBIGUOUS}); none when chosen
	 */
	record Decision<T>(T value, ReadingBasis basis, long row, @Nullable String example) {

		static <T> Decision<T> chosen(T value) {
			return new Decision<>(value, ReadingBasis.CHOSEN, 0, null);
		}

	}

}
