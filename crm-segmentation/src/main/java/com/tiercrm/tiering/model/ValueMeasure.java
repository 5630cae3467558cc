package com.tiercrm.tiering.model;

/**
 * Which money amount measures a customer's value.
 */
public enum ValueMeasure {

	/**
	 * Revenue of completed orders.
	 */
	REVENUE,

	/**
	 * Gross profit of completed orders.
	 */
	GROSS_PROFIT;

	/**
	 * The measured value inside the ABC window.
	 * @param facts the customer's facts
	 * @return window revenue or window gross profit
	 */
	public double windowValue(CustomerFacts facts) {
		return (this == REVENUE) ? facts.windowRevenue() : facts.windowGrossProfit();
	}

	/**
	 * The measured value of all completed orders to date.
	 * @param facts the customer's facts
	 * @return total revenue or total gross profit
	 */
	public double totalValue(CustomerFacts facts) {
		return (this == REVENUE) ? facts.totalRevenue() : facts.totalGrossProfit();
	}

}
