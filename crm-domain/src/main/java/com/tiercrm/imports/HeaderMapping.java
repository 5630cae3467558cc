package com.tiercrm.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which cell of a row holds which column, matched by header name: case, width (全角),
 * spaces, underscores and a trailing {@code *} do not matter.
 *
 * @param <C> the columns of the kind of file
 */
final class HeaderMapping<C extends Enum<C> & ImportColumn> {

	private final Map<C, Integer> indexes;

	private final List<String> header;

	private HeaderMapping(Map<C, Integer> indexes, List<String> header) {
		this.indexes = indexes;
		this.header = header;
	}

	/**
	 * Matches the header; refuses the file when a required column is missing or a column
	 * appears twice.
	 */
	static <C extends Enum<C> & ImportColumn> HeaderMapping<C> match(List<String> header, Class<C> columns) {
		return match(header, columns, ColumnMapping.AUTOMATIC);
	}

	/**
	 * Matches the header as the admin corrected it (headers the correction does not name
	 * are recognised by their name); refuses the file when a required column is missing
	 * or a column appears twice.
	 */
	static <C extends Enum<C> & ImportColumn> HeaderMapping<C> match(List<String> header, Class<C> columns,
			ColumnMapping correction) {
		Map<C, Integer> indexes = new EnumMap<>(columns);
		for (int i = 0; i < header.size(); i++) {
			Optional<C> column = column(header.get(i), columns, correction);
			if (column.isPresent()) {
				if (indexes.containsKey(column.get())) {
					throw new ImportFileException("import.file.duplicateColumn", header.get(i));
				}
				indexes.put(column.get(), i);
			}
		}
		List<String> missing = new ArrayList<>();
		for (C column : columns.getEnumConstants()) {
			if (column.required() && !indexes.containsKey(column)) {
				missing.add(column.headers().get(0) + " / " + column.headers().get(1));
			}
		}
		if (!missing.isEmpty()) {
			throw new ImportFileException("import.file.missingColumns", String.join(", ", missing));
		}
		return new HeaderMapping<>(indexes, List.copyOf(header));
	}

	/** The column a header is matched to, after the admin's correction. */
	static <C extends Enum<C> & ImportColumn> Optional<C> column(String header, Class<C> columns,
			ColumnMapping correction) {
		Optional<String> corrected = correction.fieldOf(header);
		if (corrected.isPresent()) {
			for (C column : columns.getEnumConstants()) {
				if (column.name().equals(corrected.get())) {
					return Optional.of(column);
				}
			}
			return Optional.empty();
		}
		return recognise(header, columns);
	}

	static <C extends Enum<C> & ImportColumn> Optional<C> recognise(String header, Class<C> columns) {
		String normalised = normalise(header);
		for (C column : columns.getEnumConstants()) {
			for (String name : column.headers()) {
				if (normalise(name).equals(normalised)) {
					return Optional.of(column);
				}
			}
		}
		return Optional.empty();
	}

	static String normalise(String header) {
		String folded = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
		if (folded.endsWith("*")) {
			folded = folded.substring(0, folded.length() - 1);
		}
		return folded.replaceAll("[\\s_\\-]", "");
	}

	boolean has(C column) {
		return this.indexes.containsKey(column);
	}

	/**
	 * The cell of the column in the row, stripped; empty when the file lacks the column.
	 */
	String value(ImportFile.Row row, C column) {
		Integer index = this.indexes.get(column);
		return (index != null) ? row.cell(index).strip() : "";
	}

	/** The column's header as the file spells it. */
	String headerOf(C column) {
		Integer index = this.indexes.get(column);
		return (index != null) ? this.header.get(index) : column.headers().get(1);
	}

	Map<C, Integer> indexes() {
		return Map.copyOf(this.indexes);
	}

}
