package com.tiercrm.imports;

import org.jspecify.annotations.Nullable;

/**
 * Why one row of a file was refused.
 *
 * @param row the row number as a spreadsheet shows it (the header is row 1)
 * @param column the column's header as it appears in the file, if one column is at fault
 * @param value the offending value, shortened to 200 characters
 * @param reasonKey the message key of the reason
 */
public record RowError(long row, @Nullable String column, @Nullable String value, String reasonKey) {

	public RowError {
		if (value != null && value.length() > 200) {
			value = value.substring(0, 200);
		}
	}

}
