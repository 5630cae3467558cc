package com.tiercrm.tiering.insight;

import org.jspecify.annotations.Nullable;

/**
 * How many of the customers who were in one tier in the previous run have churned by this
 * run: their probability of being alive is now below the threshold, or they dropped to
 * the lowest tier (see the run's churn rule). A customer can be both; {@code churned}
 * counts them once.
 *
 * @param customers the cohort: the tier's customers in the previous run who are still
 * customers in this one
 * @param belowThreshold of them, those whose probability of being alive is now below the
 * threshold
 * @param droppedToLowest of them, those who are now in the lowest tier, or have no
 * purchase left
 * @param churned of them, those who are either; only those below the threshold where the
 * two runs used different configurations
 * @param dropsChurn whether a drop to the lowest tier counted as churn: not where the two
 * runs used different configurations, whose thresholds moved the customers
 */
public record ChurnCohort(long customers, long belowThreshold, long droppedToLowest, long churned, boolean dropsChurn) {

	/**
	 * Nobody was in the tier in the previous run.
	 */
	public static final ChurnCohort EMPTY = new ChurnCohort(0, 0, 0, 0);

	/**
	 * A cohort of two runs of the same configuration, where drops are churn.
	 */
	public ChurnCohort(long customers, long belowThreshold, long droppedToLowest, long churned) {
		this(customers, belowThreshold, droppedToLowest, churned, true);
	}

	/**
	 * The churned share of the cohort; {@code null} for an empty cohort.
	 */
	public @Nullable Double rate() {
		return (this.customers > 0) ? (double) this.churned / this.customers : null;
	}

}
