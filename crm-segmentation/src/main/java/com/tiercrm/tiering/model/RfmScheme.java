package com.tiercrm.tiering.model;

/**
 * Which named segments the RFM model assigns.
 */
public enum RfmScheme {

	/**
	 * The eight value segments (重要价值 … 一般挽留): recency, frequency and monetary value each
	 * high or low against the mean of the customers who bought.
	 */
	VALUE_MATRIX,

	/**
	 * Eleven segments (Champions … Lost) from the R score and the FM score, see
	 * {@link RfmSegment#ofScores(int, int)}.
	 */
	SCORE_RANGE

}
