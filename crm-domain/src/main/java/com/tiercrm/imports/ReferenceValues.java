package com.tiercrm.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.tiercrm.customer.ReferenceCatalog;
import com.tiercrm.customer.ReferenceEntry;

/**
 * The codes an import's industry or region cells mean. A value no entry knows is refused,
 * or, when the admin asked for it, becomes a new entry named as written; those are
 * remembered so that the file's later rows get the same code, and stored when the import
 * writes.
 */
final class ReferenceValues {

	private final ReferenceCatalog catalog;

	private final boolean addUnknown;

	private final Map<String, ReferenceEntry> added = new LinkedHashMap<>();

	/**
	 * Longest name an entry may have (the tables' columns); a longer cell stays unknown.
	 */
	private static final int NAME_MAX = 100;

	private final Set<String> stored = new HashSet<>();

	ReferenceValues(ReferenceCatalog catalog, boolean addUnknown) {
		this.catalog = catalog;
		this.addUnknown = addUnknown;
	}

	/** The code a cell means; empty when it is unknown and may not be added. */
	Optional<String> code(String written) {
		Optional<ReferenceEntry> known = this.catalog.match(written);
		if (known.isPresent()) {
			return Optional.of(known.get().code());
		}
		String words = ReferenceCatalog.normalise(written);
		ReferenceEntry entry = this.added.get(words);
		if (entry == null && this.addUnknown && written.strip().length() <= NAME_MAX) {
			String name = Normalizer.normalize(written, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
			int sortOrder = this.catalog.entries().stream().mapToInt(ReferenceEntry::sortOrder).max().orElse(0)
					+ 10 * (this.added.size() + 1);
			entry = new ReferenceEntry(newCode(name), name, name, sortOrder);
			this.added.put(words, entry);
		}
		return Optional.ofNullable(entry).map(ReferenceEntry::code);
	}

	/**
	 * The entries this import added that are not stored yet; they count as stored now.
	 */
	List<ReferenceEntry> toStore() {
		List<ReferenceEntry> entries = new ArrayList<>();
		for (ReferenceEntry entry : this.added.values()) {
			if (this.stored.add(entry.code())) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/** Upper-case letters and digits of the name, anything else an underscore; unique. */
	private String newCode(String name) {
		String base = name.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
		if (base.isEmpty()) {
			base = "_";
		}
		int max = this.catalog.kind().maxCodeLength();
		String code = truncate(base, max);
		for (int n = 2; taken(code); n++) {
			String suffix = "_" + n;
			code = truncate(base, max - suffix.length()) + suffix;
		}
		return code;
	}

	private boolean taken(String code) {
		return this.catalog.find(code).isPresent()
				|| this.added.values().stream().anyMatch((entry) -> entry.code().equals(code));
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

}
