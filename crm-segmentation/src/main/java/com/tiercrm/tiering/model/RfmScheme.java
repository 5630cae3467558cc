package com.tiercrm.tiering.model;

import java.util.EnumSet;
import java.util.Set;

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
	SCORE_RANGE;

	/**
	 * The segments this scheme assigns to customers who bought, best first;
	 * {@link RfmSegment#NO_PURCHASE} is shared by both schemes and not among them.
	 * @return the segments
	 */
	public Set<RfmSegment> segments() {
		return switch (this) {
			case VALUE_MATRIX -> EnumSet.range(RfmSegment.IMPORTANT_VALUE, RfmSegment.GENERAL_RETAIN);
			case SCORE_RANGE -> EnumSet.range(RfmSegment.CHAMPIONS, RfmSegment.LOST);
		};
	}

}
