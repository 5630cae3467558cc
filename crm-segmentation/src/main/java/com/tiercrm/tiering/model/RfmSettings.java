package com.tiercrm.tiering.model;

import java.util.Objects;

/**
 * Settings of the RFM model. The cut points are used only with {@link RfmScoring#FIXED}.
 *
 * @param monetaryMeasure which total amount is the monetary value
 * @param scoring how scores 1 to 5 are given
 * @param scheme which named segments are assigned
 * @param recencyCuts recency cut points in days
 * @param frequencyCuts frequency cut points in completed orders
 * @param monetaryCuts monetary cut points in money
 */
public record RfmSettings(ValueMeasure monetaryMeasure, RfmScoring scoring, RfmScheme scheme, RfmCuts recencyCuts,
		RfmCuts frequencyCuts, RfmCuts monetaryCuts) {

	/**
	 * Validates that nothing is missing.
	 */
	public RfmSettings {
		Objects.requireNonNull(monetaryMeasure, "monetaryMeasure");
		Objects.requireNonNull(scoring, "scoring");
		Objects.requireNonNull(scheme, "scheme");
		Objects.requireNonNull(recencyCuts, "recencyCuts");
		Objects.requireNonNull(frequencyCuts, "frequencyCuts");
		Objects.requireNonNull(monetaryCuts, "monetaryCuts");
	}

	/**
	 * Revenue, quintile scores, the eight value segments; fixed cuts of 30, 90, 180 and
	 * 365 days, 2, 3, 5 and 10 orders, 100, 250, 500 and 1000 in money, used only when
	 * the scoring is switched to {@link RfmScoring#FIXED}.
	 * @return the default settings
	 */
	public static RfmSettings defaults() {
		return new RfmSettings(ValueMeasure.REVENUE, RfmScoring.QUANTILE, RfmScheme.VALUE_MATRIX,
				new RfmCuts(30, 90, 180, 365), new RfmCuts(2, 3, 5, 10), new RfmCuts(100, 250, 500, 1000));
	}

	/**
	 * Copy with another scheme.
	 * @param scheme the scheme
	 * @return the copy
	 */
	public RfmSettings withScheme(RfmScheme scheme) {
		return new RfmSettings(this.monetaryMeasure, this.scoring, scheme, this.recencyCuts, this.frequencyCuts,
				this.monetaryCuts);
	}

	/**
	 * Copy with fixed cut points.
	 * @param recency recency cut points in days
	 * @param frequency frequency cut points
	 * @param monetary monetary cut points
	 * @return the copy, scoring {@link RfmScoring#FIXED}
	 */
	public RfmSettings withFixedCuts(RfmCuts recency, RfmCuts frequency, RfmCuts monetary) {
		return new RfmSettings(this.monetaryMeasure, RfmScoring.FIXED, this.scheme, recency, frequency, monetary);
	}

}
