package com.tiercrm.tiering.model;

/**
 * Four ascending cut points of one RFM dimension for {@link RfmScoring#FIXED} scoring.
 * For frequency and monetary value a value below {@code first} scores 1 and each cut
 * point the value reaches adds one ({@code value >= fourth} scores 5). For recency, in
 * days, a recency up to and including {@code first} scores 5 and each cut point the
 * recency exceeds takes one away ({@code recency > fourth} scores 1).
 *
 * @param first the first cut point
 * @param second the second cut point
 * @param third the third cut point
 * @param fourth the fourth cut point
 */
public record RfmCuts(double first, double second, double third, double fourth) {

	/**
	 * Validates the order.
	 * @throws IllegalArgumentException {@code rfm.settings.invalid-cuts} unless
	 * {@code 0 <= first < second < third < fourth}
	 */
	public RfmCuts {
		if (!(first >= 0 && first < second && second < third && third < fourth && Double.isFinite(fourth))) {
			throw new InvalidSettingsException("rfm.settings.invalid-cuts");
		}
	}

	int ascendingScore(double value) {
		int score = 1;
		score += (value >= this.first) ? 1 : 0;
		score += (value >= this.second) ? 1 : 0;
		score += (value >= this.third) ? 1 : 0;
		score += (value >= this.fourth) ? 1 : 0;
		return score;
	}

	int recencyScore(double days) {
		int score = 5;
		score -= (days > this.first) ? 1 : 0;
		score -= (days > this.second) ? 1 : 0;
		score -= (days > this.third) ? 1 : 0;
		score -= (days > this.fourth) ? 1 : 0;
		return score;
	}

}
