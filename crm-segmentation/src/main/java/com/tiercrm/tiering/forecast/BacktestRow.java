package com.tiercrm.tiering.forecast;

/**
 * A forecast row next to what actually happened over its horizon.
 *
 * @param forecast the forecast
 * @param actualPurchases the purchase days that happened
 * @param actualRevenue the revenue that happened
 */
public record BacktestRow(ForecastRow forecast, double actualPurchases, double actualRevenue) {

	/**
	 * Whether the actual purchases fall inside the forecast's interval.
	 * @return {@code true} when inside, ends included
	 */
	public boolean purchasesInside() {
		return this.actualPurchases >= this.forecast.purchasesLow()
				&& this.actualPurchases <= this.forecast.purchasesHigh();
	}

	/**
	 * Whether the actual revenue falls inside the forecast's interval.
	 * @return {@code true} when inside, ends included
	 */
	public boolean revenueInside() {
		return this.actualRevenue >= this.forecast.revenueLow() && this.actualRevenue <= this.forecast.revenueHigh();
	}

}
