package com.tiercrm.tiering.run;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * How customers moved from one run's tiers to another's: previous tier → new tier →
 * customers, counted from the side of the newer tiers. A customer the earlier run did not
 * have comes from {@code NEW}; the earlier run's customers the newer one no longer has go
 * to {@code GONE}. The one count of a migration, for runs, previews and the API alike.
 */
final class TierMigration {

	static final String NEW = "NEW";

	static final String GONE = "GONE";

	// Hashed while counting a million customers; sorted once at the end.
	private final Map<String, Map<String, Long>> matrix = new HashMap<>();

	private final Map<String, Long> found = new HashMap<>();

	/**
	 * One customer of the newer tiers.
	 * @param from their tier in the earlier run, {@code null} if it did not have them
	 * @param to their tier now
	 */
	void add(@Nullable String from, String to) {
		this.matrix.computeIfAbsent((from != null) ? from : NEW, (key) -> new HashMap<>()).merge(to, 1L, Long::sum);
		if (from != null) {
			this.found.merge(from, 1L, Long::sum);
		}
	}

	/**
	 * The matrix, once every customer of the newer tiers was added.
	 * @param earlier the earlier run's customers per tier
	 * @return previous tier → new tier → customers, both sorted by code
	 */
	Map<String, Map<String, Long>> matrix(Map<String, Long> earlier) {
		Map<String, Map<String, Long>> result = new TreeMap<>();
		this.matrix.forEach((from, row) -> result.put(from, new TreeMap<>(row)));
		earlier.forEach((tier, count) -> {
			long gone = count - this.found.getOrDefault(tier, 0L);
			if (gone > 0) {
				result.computeIfAbsent(tier, (key) -> new TreeMap<>()).put(GONE, gone);
			}
		});
		return result;
	}

}
