package com.tiercrm.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An admin's correction of how a file's headers are matched: header → field name (a
 * column such as {@code CODE}), or an empty name to ignore the column. Headers compare as
 * {@link HeaderMapping} compares them, so a saved mapping fits the next month's file too;
 * headers it does not name are matched automatically.
 *
 * @param fields field name (or empty, to ignore) by header as the file spells it
 */
public record ColumnMapping(Map<String, String> fields) {

	/** No correction: every header is matched automatically. */
	public static final ColumnMapping AUTOMATIC = new ColumnMapping(Map.of());

	private static final char ENTRY = '\n';

	private static final char PAIR = '\t';

	public ColumnMapping {
		fields = Map.copyOf(new LinkedHashMap<>(fields));
	}

	/** The field chosen for a header: empty when there is no correction for it. */
	Optional<String> fieldOf(String header) {
		String key = HeaderMapping.normalise(header);
		for (Map.Entry<String, String> entry : this.fields.entrySet()) {
			if (HeaderMapping.normalise(entry.getKey()).equals(key)) {
				return Optional.of(entry.getValue());
			}
		}
		return Optional.empty();
	}

	boolean isAutomatic() {
		return this.fields.isEmpty();
	}

	/** One line per header: the header, a tab, the field. */
	String encode() {
		StringBuilder text = new StringBuilder();
		this.fields.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> text.append(clean(entry.getKey())).append(PAIR).append(entry.getValue()).append(ENTRY));
		return text.toString();
	}

	static ColumnMapping decode(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return AUTOMATIC;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : text.split(String.valueOf(ENTRY))) {
			int tab = line.lastIndexOf(PAIR);
			if (tab >= 0) {
				fields.put(line.substring(0, tab), line.substring(tab + 1));
			}
		}
		return new ColumnMapping(fields);
	}

	private static String clean(String header) {
		return header.replace(ENTRY, ' ').replace(PAIR, ' ');
	}

}
