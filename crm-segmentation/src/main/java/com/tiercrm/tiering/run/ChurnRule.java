package com.tiercrm.tiering.run;

import com.tiercrm.tiering.config.SegmentationSettings;
import org.jspecify.annotations.Nullable;

/**
 * Who of a tier's cohort has churned by the next run: a customer who was in tier T in the
 * previous run and now has a probability of being alive below the threshold, or now sits
 * in the lowest tier (or has no purchase left at all) while T was another tier of the
 * same model. Customers who had never bought form no cohort: there is nothing they could
 * lapse from. Between two runs of different configurations a drop is the new thresholds'
 * doing, not the customer's, so there only the probability counts. The only
 * implementation of the rule: runs count their cohorts with it in memory.
 */
final class ChurnRule {

	private static final String NO_PURCHASE_SUFFIX = ":" + TierModel.NO_PURCHASE;

	private final double threshold;

	private final String lowestTier;

	private final String modelPrefix;

	private final String noPurchaseTier;

	private final boolean dropsChurn;

	/**
	 * @param threshold the probability of being alive below which a customer counts as
	 * churned; an unknown probability (no purchase, or the simple CLV formula) never does
	 * @param lowestTier the lowest tier a buyer can be in under the run's settings
	 */
	ChurnRule(double threshold, String lowestTier) {
		this(threshold, lowestTier, true);
	}

	private ChurnRule(double threshold, String lowestTier, boolean dropsChurn) {
		this.threshold = threshold;
		this.lowestTier = lowestTier;
		this.modelPrefix = lowestTier.substring(0, lowestTier.indexOf(':') + 1);
		this.noPurchaseTier = this.modelPrefix + TierModel.NO_PURCHASE;
		this.dropsChurn = dropsChurn;
	}

	/**
	 * The rule for comparing a run with the previous one: where they used different
	 * configurations, a drop to the lowest tier is still counted but is no churn.
	 * @param previousConfigId the previous run's configuration, {@code null} if unknown
	 * @param configId this run's configuration
	 */
	ChurnRule between(@Nullable Long previousConfigId, long configId) {
		boolean sameConfiguration = previousConfigId == null || previousConfigId == configId;
		return sameConfiguration ? this : new ChurnRule(this.threshold, this.lowestTier, false);
	}

	/**
	 * Whether a drop to the lowest tier counts as churn.
	 */
	boolean dropsChurn() {
		return this.dropsChurn;
	}

	/**
	 * Whether a customer of a cohort churned, given what the rule found.
	 */
	boolean churned(boolean belowThreshold, boolean droppedToLowest) {
		return belowThreshold || (this.dropsChurn && droppedToLowest);
	}

	/**
	 * The rule of a run.
	 * @param model the model that defines the tiers
	 * @param settings the run's settings, for the classes the model assigns under them
	 * @param order which tier is better
	 * @param threshold the probability-alive threshold
	 */
	static ChurnRule of(TierModel model, SegmentationSettings settings, TierOrder order, double threshold) {
		return new ChurnRule(threshold, lowestTier(model, settings, order));
	}

	/**
	 * The worst-ranked of the tiers the model assigns to customers who bought, such as C,
	 * Low, or the lowest segment of the RFM scheme in use. "No purchase yet" ranks lower
	 * still, but holds customers who never bought, so it is not the tier a customer drops
	 * to. Of tiers with the same rank (or none), the one declared last; a tier the table
	 * lacks is lower than none that it has.
	 */
	static String lowestTier(TierModel model, SegmentationSettings settings, TierOrder order) {
		String lowest = null;
		int lowestRank = Integer.MIN_VALUE;
		for (String c : model.classesInUse(settings)) {
			String code = model.code() + ":" + c;
			Integer known = order.rankIfKnown(code);
			int rank = (known != null) ? known : Integer.MIN_VALUE;
			if (!c.equals(TierModel.NO_PURCHASE) && (lowest == null || rank >= lowestRank)) {
				lowest = code;
				lowestRank = rank;
			}
		}
		if (lowest == null) {
			throw new IllegalStateException("No tier of model " + model.code());
		}
		return lowest;
	}

	static boolean formsCohort(String previousTier) {
		return !previousTier.endsWith(NO_PURCHASE_SUFFIX);
	}

	String lowestTier() {
		return this.lowestTier;
	}

	double threshold() {
		return this.threshold;
	}

	boolean belowThreshold(double probabilityAlive) {
		// NaN, an unknown probability, compares false, as NULL does in SQL.
		return probabilityAlive < this.threshold;
	}

	/**
	 * Whether a customer dropped to the lowest tier. A previous tier of another model
	 * (the tier model was changed) is not compared.
	 */
	boolean droppedToLowest(String previousTier, String tier) {
		return (tier.equals(this.lowestTier) || tier.equals(this.noPurchaseTier))
				&& !previousTier.equals(this.lowestTier) && previousTier.startsWith(this.modelPrefix);
	}

}
