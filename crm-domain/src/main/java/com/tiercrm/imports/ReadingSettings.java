package com.tiercrm.imports;

/**
 * How an admin asked for a file's dates and amounts to be read; {@code AUTO} lets the
 * file's values decide.
 *
 * @param dateOrder the order of day and month in dates not written year first
 * @param decimalMark the decimal separator of amounts
 */
public record ReadingSettings(DateOrder dateOrder, DecimalMark decimalMark) {

	/** Both decided by the file. */
	public static final ReadingSettings AUTOMATIC = new ReadingSettings(DateOrder.AUTO, DecimalMark.AUTO);

}
