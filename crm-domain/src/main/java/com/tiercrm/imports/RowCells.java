package com.tiercrm.imports;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the cells of one row for a column mapping and remembers whether any was refused.
 *
 * @param <C> the columns of the kind of file
 */
final class RowCells<C extends Enum<C> & ImportColumn> {

	/** Control characters; tabs and line breaks are allowed only in long text columns. */
	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\r\\n]");

	private static final int LONG_TEXT = 500;

	private final HeaderMapping<C> mapping;

	private final ImportFile.Row row;

	private final Consumer<RowError> errors;

	private boolean failed;

	RowCells(HeaderMapping<C> mapping, ImportFile.Row row, Consumer<RowError> errors) {
		this.mapping = mapping;
		this.row = row;
		this.errors = errors;
	}

	boolean failed() {
		return this.failed;
	}

	/** The stripped cell; null when the column is absent or the cell was refused. */
	@Nullable String text(C column) {
		if (!this.mapping.has(column)) {
			return null;
		}
		String value = this.mapping.value(this.row, column);
		if (value.isEmpty() && column.required()) {
			reject(column, value, "import.error.required");
			return null;
		}
		if (value.length() > column.maxLength()) {
			reject(column, value, "import.error.tooLong");
			return null;
		}
		if (hasControlCharacters(value) && (CONTROL.matcher(value).find()
				|| (column.maxLength() < LONG_TEXT && LINE_BREAKS.matcher(value).find()))) {
			reject(column, value, "import.error.controlCharacters");
			return null;
		}
		return value;
	}

	/** A quick look, so that the patterns run only on the rare cell that needs them. */
	private static boolean hasControlCharacters(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

	/** The choice a cell names (case-insensitive), or null when blank or refused. */
	<T> @Nullable T choice(C column, Map<String, T> choices, String reasonKey) {
		String value = text(column);
		if (value == null || value.isEmpty()) {
			return null;
		}
		T choice = choices.get(value.toLowerCase(Locale.ROOT));
		if (choice == null) {
			reject(column, value, reasonKey);
		}
		return choice;
	}

	void reject(C column, String value, String reasonKey) {
		this.failed = true;
		this.errors.accept(new RowError(this.row.number(), this.mapping.headerOf(column), value, reasonKey));
	}

}
