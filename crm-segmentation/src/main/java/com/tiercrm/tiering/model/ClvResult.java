package com.tiercrm.tiering.model;

/**
 * CLV outcome for one customer.
 *
 * @param customerId the customer's id
 * @param historicalValue the configured total (revenue or gross profit) to date
 * @param predictedValue the predicted value over the horizon (0 for
 * {@link ClvMethod#NONE})
 * @param method how the prediction was made
 * @param probabilityAlive P(alive) at the as-of date under the fitted purchase model; NaN
 * unless {@link ClvMethod#purchaseModelFitted()}
 * @param expectedPurchases expected purchase days over the horizon (BG/NBD), or expected
 * orders (simple formula)
 * @param expectedSpend expected spend per purchase (Gamma-Gamma), or the average order
 * value (simple formula)
 * @param rank 1-based rank by predicted value (descending, then customer id ascending); 0
 * for {@link ClvClass#NO_PURCHASE}
 * @param clvClass the class
 * @param reason why the customer got the prediction and class
 */
public record ClvResult(long customerId, double historicalValue, double predictedValue, ClvMethod method,
		double probabilityAlive, double expectedPurchases, double expectedSpend, int rank, ClvClass clvClass,
		Reason reason) {

}
