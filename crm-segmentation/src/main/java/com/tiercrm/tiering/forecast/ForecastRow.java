package com.tiercrm.tiering.forecast;

/**
 * Expected purchases and revenue of a set of customers over a horizon, each with an
 * interval at the forecast's level.
 *
 * @param customers number of customers
 * @param expectedPurchases sum of the customers' conditional expected purchases
 * @param purchasesLow lower end of the purchases interval
 * @param purchasesHigh upper end of the purchases interval
 * @param expectedRevenue sum of expected purchases × expected spend per purchase
 * @param revenueLow lower end of the revenue interval
 * @param revenueHigh upper end of the revenue interval
 */
public record ForecastRow(int customers, double expectedPurchases, double purchasesLow, double purchasesHigh,
		double expectedRevenue, double revenueLow, double revenueHigh) {

}
