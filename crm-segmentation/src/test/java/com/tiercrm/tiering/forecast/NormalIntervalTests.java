package com.tiercrm.tiering.forecast;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.CustomerFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normal interval of a large group (summed conditional means and variances) against
 * the simulation's quantiles for the same customers, on a synthetic base drawn from known
 * parameters.
 */
class NormalIntervalTests {

	private static final int QUARTER = 91;

	@Test
	void largeGroupsAgreeWithTheSimulation() {
		List<CustomerFacts> customers = SyntheticHoldout.draw(12_000, 365, QUARTER, 41)
			.stream()
			.map(HoldoutCustomer::calibration)
			.toList();
		ClvFit fit = SyntheticHoldout.trueParameters();
		// groups of 200, 1,000 and 6,000 customers (ids 1 to 12,000)
		List<Function<CustomerFacts, Long>> groupings = List.of((facts) -> (facts.customerId() - 1) / 200,
				(facts) -> (facts.customerId() - 1) / 1000, (facts) -> (facts.customerId() - 1) / 6000);
		for (int horizon : new int[] { 30, QUARTER }) {
			List<SalesForecast<Long>> analytic = new SalesForecaster(1000, 0.9, 3, 1).forecast(customers, fit, horizon,
					groupings);
			List<SalesForecast<Long>> simulated = new SalesForecaster(2000, 0.9, 3, Integer.MAX_VALUE)
				.forecast(customers, fit, horizon, groupings);
			for (int g = 0; g < groupings.size(); g++) {
				double worstPurchases = 0;
				double worstRevenue = 0;
				Map<Long, ForecastRow> rows = analytic.get(g).byGroup();
				for (Map.Entry<Long, ForecastRow> entry : rows.entrySet()) {
					ForecastRow normal = entry.getValue();
					ForecastRow drawn = simulated.get(g).byGroup().get(entry.getKey());
					assertThat(normal.expectedPurchases()).isEqualTo(drawn.expectedPurchases());
					worstPurchases = Math.max(worstPurchases, endGap(normal.purchasesLow(), normal.purchasesHigh(),
							drawn.purchasesLow(), drawn.purchasesHigh()));
					worstRevenue = Math.max(worstRevenue,
							endGap(normal.revenueLow(), normal.revenueHigh(), drawn.revenueLow(), drawn.revenueHigh()));
				}
				ForecastRow example = rows.values().iterator().next();
				ForecastRow drawnExample = simulated.get(g).byGroup().values().iterator().next();
				System.out
					.printf("horizon %d, %d groups of %d: worst end gap (in half-widths) purchases %.3f, revenue %.3f; "
							+ "first group purchases %.1f [%.1f, %.1f] drawn [%.1f, %.1f], revenue %.0f [%.0f, %.0f] drawn [%.0f, %.0f]%n",
							horizon, rows.size(), example.customers(), worstPurchases, worstRevenue,
							example.expectedPurchases(), example.purchasesLow(), example.purchasesHigh(),
							drawnExample.purchasesLow(), drawnExample.purchasesHigh(), example.expectedRevenue(),
							example.revenueLow(), example.revenueHigh(), drawnExample.revenueLow(),
							drawnExample.revenueHigh());
				// the simulation's own noise is about 0.04 half-widths at 2,000 draws;
				// below
				// 1,000 customers the revenue's skew shows (0.27 to 0.39 at 200, normal
				// ends
				// below the drawn ones), which is why small groups keep the simulation
				if (example.customers() >= SalesForecaster.ANALYTIC_FROM) {
					assertThat(worstPurchases).isLessThan(0.15);
					assertThat(worstRevenue).isLessThan((example.customers() > 5000) ? 0.15 : 0.25);
				}
			}
		}
	}

	/**
	 * The larger gap between the two intervals' ends, in half-widths of the drawn one.
	 */
	private static double endGap(double low, double high, double drawnLow, double drawnHigh) {
		double halfWidth = (drawnHigh - drawnLow) / 2;
		return Math.max(Math.abs(low - drawnLow), Math.abs(high - drawnHigh)) / halfWidth;
	}

}
