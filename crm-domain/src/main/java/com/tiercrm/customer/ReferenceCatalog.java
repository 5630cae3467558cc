package com.tiercrm.customer;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The entries of one kind of reference data as they were when read: the names of codes,
 * and the code a written value means.
 */
public final class ReferenceCatalog {

	private final ReferenceKind kind;

	private final List<ReferenceEntry> entries;

	private final Map<String, ReferenceEntry> byCode = new LinkedHashMap<>();

	private final Map<String, ReferenceEntry> byWords = new HashMap<>();

	public ReferenceCatalog(ReferenceKind kind, List<ReferenceEntry> entries) {
		this.kind = kind;
		this.entries = entries.stream()
			.sorted(Comparator.comparingInt(ReferenceEntry::sortOrder).thenComparing(ReferenceEntry::code))
			.toList();
		for (ReferenceEntry entry : this.entries) {
			this.byCode.put(entry.code(), entry);
		}
		// Codes first: a name never hides another entry's code.
		for (ReferenceEntry entry : this.entries) {
			this.byWords.putIfAbsent(normalise(entry.code()), entry);
		}
		for (ReferenceEntry entry : this.entries) {
			this.byWords.putIfAbsent(normalise(entry.englishName()), entry);
			this.byWords.putIfAbsent(normalise(entry.chineseName()), entry);
		}
	}

	public ReferenceKind kind() {
		return this.kind;
	}

	/** The entries in their order. */
	public List<ReferenceEntry> entries() {
		return this.entries;
	}

	public Optional<ReferenceEntry> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	/**
	 * The name of a code in the user's language, or the code itself when no entry has it
	 * (a row written around the application).
	 */
	public @Nullable String name(@Nullable String code, Locale locale) {
		if (code == null) {
			return null;
		}
		ReferenceEntry entry = this.byCode.get(code);
		return (entry != null) ? entry.name(locale) : code;
	}

	/**
	 * The entry a written value means: its code or either name, ignoring case,
	 * surrounding blanks and full-width or half-width forms.
	 */
	public Optional<ReferenceEntry> match(String written) {
		return Optional.ofNullable(this.byWords.get(normalise(written)));
	}

	/** The names of all entries in the user's language, for a message that lists them. */
	public String names(Locale locale) {
		String separator = "zh".equals(locale.getLanguage()) ? "、" : ", ";
		return this.entries.stream().map((entry) -> entry.name(locale)).collect(Collectors.joining(separator));
	}

	/**
	 * A written value reduced to what matching compares: NFKC (full-width letters and
	 * digits become half-width), blanks collapsed and stripped, lower case.
	 */
	public static String normalise(String written) {
		return Normalizer.normalize(written, Normalizer.Form.NFKC)
			.strip()
			.replaceAll("\\s+", " ")
			.toLowerCase(Locale.ROOT);
	}

}
