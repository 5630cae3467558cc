package com.tiercrm.tiering.forecast;

import java.util.Map;

/**
 * Expected purchases and revenue per group over a horizon.
 *
 * @param <K> the group key (tier, region, owner, …)
 * @param horizonDays the horizon in days after the as-of date
 * @param level the probability the intervals are meant to cover, e.g. 0.9
 * @param draws simulated futures the intervals of groups under
 * {@code SalesForecaster.ANALYTIC_FROM} customers come from (larger groups' intervals are
 * normal)
 * @param byGroup one row per group, in the order the groups first appear
 * @param total the row of all customers (its interval is that of the total, not a sum of
 * the groups' intervals)
 * @param unpredictable customers left out because their expectation did not converge
 */
public record SalesForecast<K>(int horizonDays, double level, int draws, Map<K, ForecastRow> byGroup, ForecastRow total,
		int unpredictable) {

}
