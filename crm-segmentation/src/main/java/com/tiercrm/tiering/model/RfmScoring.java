package com.tiercrm.tiering.model;

/**
 * How RFM scores 1 to 5 are given.
 */
public enum RfmScoring {

	/**
	 * By quintile of the customers who bought: {@code score = 1 + floor(5 × worse / n)},
	 * where {@code worse} counts the customers with a strictly worse value (a longer
	 * recency, a lower frequency or monetary value). Equal values always get equal
	 * scores.
	 */
	QUANTILE,

	/**
	 * By the manager's fixed cut points, see {@link RfmCuts}.
	 */
	FIXED

}
