package com.tiercrm.tiering.list;

import java.util.List;

/**
 * What the tiered customer list can be filtered by, best first.
 *
 * @param tiers the tier codes of the model in force, such as {@code ABC:A}
 * @param abcClasses ABC class codes
 * @param rfmSegments RFM segment codes of both schemes
 * @param clvClasses CLV class codes
 * @param aliveThreshold where the low probability-alive band ends
 * ({@code tiercrm.dashboard.churn-threshold})
 */
public record TierFilterOptions(List<String> tiers, List<String> abcClasses, List<String> rfmSegments,
		List<String> clvClasses, double aliveThreshold) {

	/** Where the high probability-alive band starts. */
	public double aliveLikely() {
		return AliveBand.likelyFrom(this.aliveThreshold);
	}

}
