package com.tiercrm.tiering.run;

import java.util.Comparator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Which tier is better than which: the ranks of the {@code tiers} table, 1 being the
 * best, compared only within a model ({@code MODEL:CLASS} codes). The one place that
 * orders tiers for runs (the stability rule, downgrades, the churn rule's lowest tier),
 * previews and the pages.
 */
public final class TierOrder {

	private final Map<String, Integer> ranks;

	/**
	 * @param ranks the rank of every tier code, 1 being the best
	 */
	public TierOrder(Map<String, Integer> ranks) {
		this.ranks = Map.copyOf(ranks);
	}

	/**
	 * The tier's rank; a tier the table lacks ranks after every other.
	 */
	public int rank(String code) {
		return this.ranks.getOrDefault(code, Integer.MAX_VALUE);
	}

	/**
	 * The tier's rank, {@code null} for a tier the table lacks.
	 */
	@Nullable Integer rankIfKnown(String code) {
		return this.ranks.get(code);
	}

	/**
	 * Best tier first; tiers of the same rank by code.
	 */
	public Comparator<String> bestFirst() {
		return Comparator.comparingInt(this::rank).thenComparing(Comparator.naturalOrder());
	}

	/**
	 * Whether going from one tier to another is a downgrade: both are in the table, they
	 * belong to the same model, and the new one ranks lower. A change of tier model is
	 * none.
	 */
	public boolean isDowngrade(String from, String to) {
		Integer fromRank = this.ranks.get(from);
		Integer toRank = this.ranks.get(to);
		return fromRank != null && toRank != null && toRank > fromRank && sameModel(from, to);
	}

	/**
	 * Whether two tier codes ({@code MODEL:CLASS}) belong to the same model.
	 */
	static boolean sameModel(String a, String b) {
		int colon = a.indexOf(':');
		return colon > 0 && b.startsWith(a.substring(0, colon + 1));
	}

}
