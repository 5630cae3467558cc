package com.tiercrm.tiering.forecast;

import java.util.Map;

/**
 * A sales forecast made as of a past date set against the holdout period that followed.
 *
 * @param <K> the group key
 * @param forecast the forecast over the holdout period
 * @param byGroup per group, in the forecast's order
 * @param total all customers
 */
public record ForecastBacktest<K>(SalesForecast<K> forecast, Map<K, BacktestRow> byGroup, BacktestRow total) {

	/**
	 * Share of groups whose actual purchases fall inside their interval.
	 * @return the share, NaN without groups
	 */
	public double purchaseCoverage() {
		return this.byGroup.values().stream().filter(BacktestRow::purchasesInside).count()
				/ (double) this.byGroup.size();
	}

	/**
	 * Share of groups whose actual revenue falls inside their interval.
	 * @return the share, NaN without groups
	 */
	public double revenueCoverage() {
		return this.byGroup.values().stream().filter(BacktestRow::revenueInside).count() / (double) this.byGroup.size();
	}

}
