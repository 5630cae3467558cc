package com.tiercrm.tiering.model;

import java.util.Objects;

/**
 * Settings of the ABC model. Both limits are cumulative fractions: in
 * {@link AbcCutMode#VALUE_SHARE} mode a customer is in A while the customers ranked above
 * hold less than {@code aLimit} of the value, in B while they hold less than
 * {@code bLimit}; in {@link AbcCutMode#CUSTOMER_SHARE} mode A is the first
 * {@code ceil(aLimit × n)} ranked customers and B runs up to rank
 * {@code ceil(bLimit × n)}. A 30/40/30 split is {@code (0.30, 0.70)}, 20/30/50 is
 * {@code (0.20, 0.50)}.
 *
 * @param measure which value ranks the customers (taken from the ABC window of the facts)
 * @param mode how the limits are read
 * @param aLimit upper limit of class A, in (0, 1)
 * @param bLimit upper limit of class B, in [aLimit, 1]
 */
public record AbcSettings(ValueMeasure measure, AbcCutMode mode, double aLimit, double bLimit) {

	/**
	 * Validates the limits.
	 * @throws InvalidSettingsException {@code abc.settings.invalid-limits} when the
	 * limits are not {@code 0 < aLimit <= bLimit <= 1} with {@code aLimit < 1}
	 */
	public AbcSettings {
		Objects.requireNonNull(measure, "measure");
		Objects.requireNonNull(mode, "mode");
		if (!(aLimit > 0 && aLimit < 1 && bLimit >= aLimit && bLimit <= 1)) {
			throw new InvalidSettingsException("abc.settings.invalid-limits");
		}
	}

	/**
	 * Pareto by revenue: A up to 80 % of the value, B up to 95 %, C the rest.
	 * @return the default settings
	 */
	public static AbcSettings defaults() {
		return new AbcSettings(ValueMeasure.REVENUE, AbcCutMode.VALUE_SHARE, 0.80, 0.95);
	}

	/**
	 * Split by share of ranked customers.
	 * @param measure the value measure
	 * @param aShare share of customers in A, for example 0.2
	 * @param bShare share of customers in B, for example 0.3
	 * @return the settings, C being the rest
	 */
	public static AbcSettings byCustomerShare(ValueMeasure measure, double aShare, double bShare) {
		return new AbcSettings(measure, AbcCutMode.CUSTOMER_SHARE, aShare, aShare + bShare);
	}

}
