package com.tiercrm.tiering.forecast;

import java.util.Objects;

import com.tiercrm.tiering.model.CustomerFacts;

/**
 * One customer of a holdout check: the facts as of the end of the calibration period and
 * what the customer actually did in the holdout period after it.
 *
 * @param calibration the facts as of the calibration end date
 * @param holdoutPurchases distinct purchase days in the holdout period (the model's unit
 * of a purchase; same-day orders are one)
 * @param holdoutSpend revenue of the completed orders in the holdout period
 */
public record HoldoutCustomer(CustomerFacts calibration, int holdoutPurchases, double holdoutSpend) {

	/**
	 * Validates the holdout figures.
	 * @throws IllegalArgumentException {@code facts.invalid.counts} or
	 * {@code facts.invalid.amount} when they cannot come from orders
	 */
	public HoldoutCustomer {
		Objects.requireNonNull(calibration, "calibration");
		if (holdoutPurchases < 0) {
			throw new IllegalArgumentException("facts.invalid.counts");
		}
		if (!Double.isFinite(holdoutSpend)) {
			throw new IllegalArgumentException("facts.invalid.amount");
		}
	}

}
