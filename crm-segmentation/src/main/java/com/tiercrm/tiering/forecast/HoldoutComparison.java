package com.tiercrm.tiering.forecast;

/**
 * Predicted against actual purchases and revenue of a set of customers in the holdout
 * period. Predictions are the model's conditional expectations given each customer's
 * calibration history.
 *
 * @param customers number of customers
 * @param predictedPurchases sum of the conditional expected purchases
 * @param actualPurchases sum of the actual purchase days
 * @param predictedRevenue sum of expected purchases × expected spend per purchase
 * @param actualRevenue sum of the actual revenue
 */
public record HoldoutComparison(int customers, double predictedPurchases, double actualPurchases,
		double predictedRevenue, double actualRevenue) {

	static final HoldoutComparison EMPTY = new HoldoutComparison(0, 0, 0, 0, 0);

	/**
	 * Mean predicted purchases per customer.
	 * @return the mean, NaN without customers
	 */
	public double meanPredictedPurchases() {
		return this.predictedPurchases / this.customers;
	}

	/**
	 * Mean actual purchases per customer.
	 * @return the mean, NaN without customers
	 */
	public double meanActualPurchases() {
		return this.actualPurchases / this.customers;
	}

	HoldoutComparison plus(double predicted, int actual, double predictedSpend, double actualSpend) {
		return new HoldoutComparison(this.customers + 1, this.predictedPurchases + predicted,
				this.actualPurchases + actual, this.predictedRevenue + predictedSpend,
				this.actualRevenue + actualSpend);
	}

}
