package com.tiercrm.tiering.model;

import java.util.Objects;

/**
 * Settings of the CLV model.
 *
 * @param timeUnit the unit BG/NBD is fitted in
 * @param horizonMonths the prediction horizon in months, at least 1
 * @param monthlyDiscountRate the discount rate per month, at least 0
 * @param margin the share of the expected spend that is value (1 for revenue), in (0, 1]
 * @param historicalMeasure which total is the historical value
 * @param minRepeatBuyers fewer customers with repeat purchases than this use the simple
 * formula
 * @param minCustomers fewer customers who bought than this use the simple formula
 * @param fallbackLifetimeMonths expected lifetime in months in the simple formula
 * @param highShare share of ranked customers in class HIGH, in (0, 1)
 * @param mediumShare share of ranked customers in class MEDIUM, at least 0, with
 * {@code highShare + mediumShare <= 1}
 * @param purchaseModel BG/NBD or MBG/NBD; BG/NBD when not given (configurations saved
 * before the choice existed)
 */
public record ClvSettings(ClvTimeUnit timeUnit, int horizonMonths, double monthlyDiscountRate, double margin,
		ValueMeasure historicalMeasure, int minRepeatBuyers, int minCustomers, double fallbackLifetimeMonths,
		double highShare, double mediumShare, ClvPurchaseModel purchaseModel) {

	/**
	 * Validates the settings.
	 * @throws IllegalArgumentException with a message key {@code clv.settings.*} on an
	 * invalid value
	 */
	public ClvSettings {
		Objects.requireNonNull(timeUnit, "timeUnit");
		Objects.requireNonNull(historicalMeasure, "historicalMeasure");
		purchaseModel = Objects.requireNonNullElse(purchaseModel, ClvPurchaseModel.BG_NBD);
		if (horizonMonths < 1 || horizonMonths > 1200) {
			throw new InvalidSettingsException("clv.settings.invalid-horizon");
		}
		if (!(monthlyDiscountRate >= 0 && monthlyDiscountRate < 1)) {
			throw new InvalidSettingsException("clv.settings.invalid-discount-rate");
		}
		if (!(margin > 0 && margin <= 1)) {
			throw new InvalidSettingsException("clv.settings.invalid-margin");
		}
		if (minRepeatBuyers < 1 || minCustomers < 1) {
			throw new InvalidSettingsException("clv.settings.invalid-minimum");
		}
		if (!(fallbackLifetimeMonths > 0 && Double.isFinite(fallbackLifetimeMonths))) {
			throw new InvalidSettingsException("clv.settings.invalid-lifetime");
		}
		if (!(highShare > 0 && highShare < 1 && mediumShare >= 0 && highShare + mediumShare <= 1)) {
			throw new InvalidSettingsException("clv.settings.invalid-class-shares");
		}
	}

	/**
	 * Settings with the BG/NBD purchase model.
	 * @param timeUnit the unit BG/NBD is fitted in
	 * @param horizonMonths the prediction horizon in months
	 * @param monthlyDiscountRate the discount rate per month
	 * @param margin the share of the expected spend that is value
	 * @param historicalMeasure which total is the historical value
	 * @param minRepeatBuyers minimum repeat buyers for a fit
	 * @param minCustomers minimum buyers for a fit
	 * @param fallbackLifetimeMonths expected lifetime in months in the simple formula
	 * @param highShare share of ranked customers in class HIGH
	 * @param mediumShare share of ranked customers in class MEDIUM
	 */
	public ClvSettings(ClvTimeUnit timeUnit, int horizonMonths, double monthlyDiscountRate, double margin,
			ValueMeasure historicalMeasure, int minRepeatBuyers, int minCustomers, double fallbackLifetimeMonths,
			double highShare, double mediumShare) {
		this(timeUnit, horizonMonths, monthlyDiscountRate, margin, historicalMeasure, minRepeatBuyers, minCustomers,
				fallbackLifetimeMonths, highShare, mediumShare, ClvPurchaseModel.BG_NBD);
	}

	/**
	 * Days, 12 months, 1 % a month, revenue (margin 1), at least 20 repeat buyers and 100
	 * buyers, a 12-month fallback lifetime, top 20 % HIGH and next 30 % MEDIUM.
	 * @return the default settings
	 */
	public static ClvSettings defaults() {
		return new ClvSettings(ClvTimeUnit.DAY, 12, 0.01, 1, ValueMeasure.REVENUE, 20, 100, 12, 0.20, 0.30);
	}

	/**
	 * Copy with another time unit.
	 * @param unit the unit
	 * @return the copy
	 */
	public ClvSettings withTimeUnit(ClvTimeUnit unit) {
		return new ClvSettings(unit, this.horizonMonths, this.monthlyDiscountRate, this.margin, this.historicalMeasure,
				this.minRepeatBuyers, this.minCustomers, this.fallbackLifetimeMonths, this.highShare, this.mediumShare,
				this.purchaseModel);
	}

	/**
	 * Copy with another purchase model.
	 * @param model BG/NBD or MBG/NBD
	 * @return the copy
	 */
	public ClvSettings withPurchaseModel(ClvPurchaseModel model) {
		return new ClvSettings(this.timeUnit, this.horizonMonths, this.monthlyDiscountRate, this.margin,
				this.historicalMeasure, this.minRepeatBuyers, this.minCustomers, this.fallbackLifetimeMonths,
				this.highShare, this.mediumShare, model);
	}

}
