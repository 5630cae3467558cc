package com.tiercrm.tiering.list;

/**
 * Bands of the BG/NBD probability that a customer is still buying. The low band ends at
 * the churn threshold ({@code tiercrm.dashboard.churn-threshold}), the one the runs'
 * churn counts and the Today page use.
 */
public enum AliveBand {

	/** Below the churn threshold: probably gone. */
	LOW("%1$s < :aliveThreshold"),
	/** From the churn threshold to below {@link #LIKELY}. */
	MEDIUM("%1$s >= :aliveThreshold and %1$s < :aliveLikely"),
	/** {@link #LIKELY} and above (or the threshold, if higher): probably still buying. */
	HIGH("%1$s >= :aliveLikely");

	/** The probability from which a customer is likely still buying. */
	public static final double LIKELY = 0.7;

	private final String condition;

	AliveBand(String condition) {
		this.condition = condition;
	}

	/**
	 * Where the high band starts: {@link #LIKELY}, or the churn threshold if it is set
	 * higher, so that the bands never overlap.
	 * @param churnThreshold the churn threshold
	 * @return the probability the high band starts at
	 */
	public static double likelyFrom(double churnThreshold) {
		return Math.max(LIKELY, churnThreshold);
	}

	/** The condition on the run's row {@code s}, with the parameters of the bounds. */
	String condition() {
		return condition("s.p_alive");
	}

	/** The condition on a column holding P(alive), with the parameters of the bounds. */
	String condition(String column) {
		return this.condition.formatted(column);
	}

}
