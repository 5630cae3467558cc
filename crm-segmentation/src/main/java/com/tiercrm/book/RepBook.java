package com.tiercrm.book;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rep's customers, most urgent first: the overdue ones, then the others by tier, best
 * tier first, each by next due date.
 *
 * @param repId whose book it is
 * @param entries the rows shown, at most {@link RepBooks#MAX_ROWS}
 * @param total how many customers the rep owns
 */
public record RepBook(long repId, List<BookEntry> entries, long total) {

	/**
	 * The overdue customers, most overdue first.
	 * @return the overdue rows
	 */
	public List<BookEntry> overdue() {
		return this.entries.stream().filter((entry) -> entry.contact().overdue()).toList();
	}

	/**
	 * The customers not overdue, grouped by tier in book order; the key is empty for
	 * customers without a tier.
	 * @return rows by tier code
	 */
	public Map<String, List<BookEntry>> byTier() {
		Map<String, List<BookEntry>> groups = new LinkedHashMap<>();
		for (BookEntry entry : this.entries) {
			if (!entry.contact().overdue()) {
				groups.computeIfAbsent((entry.tier() != null) ? entry.tier() : "", (key) -> new java.util.ArrayList<>())
					.add(entry);
			}
		}
		return groups;
	}

	/**
	 * Whether some of the rep's customers are not shown.
	 * @return {@code true} if the book was cut at {@link RepBooks#MAX_ROWS}
	 */
	public boolean truncated() {
		return this.total > this.entries.size();
	}

}
