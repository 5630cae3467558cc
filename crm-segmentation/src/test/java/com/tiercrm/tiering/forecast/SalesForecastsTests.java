package com.tiercrm.tiering.forecast;

import java.time.LocalDate;

import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The CDNOW sample through the product: imported as customers and orders, a weekly run as
 * of 1998-06-30 published, then the forecast per tier of that run and the holdout check
 * of the 273 days before it, which calibrates as of 1997-09-30 from the orders and must
 * give the paper's figures. Subclasses pick the database.
 */
abstract class SalesForecastsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SegmentationRuns runs;

	@Autowired
	SalesForecasts forecasts;

	@Test
	void publishedRunForecastAndHoldoutCheckOfCdnow() {
		TestData data = new TestData(this.jdbc);
		data.clear();
		assertThat(this.forecasts.forPublishedRun(273)).isEmpty();
		data.cdnowSample();
		// half the customers in the east, none with an owner
		this.jdbc.update("update customers set region = 'EAST' where mod(id, 2) = 0");
		SegmentationRun run = this.runs
			.runNow(new RunRequest(LocalDate.of(1998, 6, 30), ClvTimeUnit.WEEK, RunTrigger.API, "forecast"));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);

		PublishedRunForecast forecast = this.forecasts.forPublishedRun(273).orElseThrow();

		assertThat(forecast.runId()).isEqualTo(run.getId());
		assertThat(forecast.calibrationEnd()).isEqualTo(LocalDate.of(1997, 9, 30));
		HoldoutResult<String> holdout = forecast.holdout();
		assertThat(holdout).isNotNull();
		assertThat(holdout.fit().timeUnit()).isEqualTo(ClvTimeUnit.WEEK);
		assertThat(holdout.fit().r()).isCloseTo(0.243, within(0.0005));
		HoldoutComparison zero = holdout.byRepeatPurchases().get(0);
		assertThat(zero.customers()).isEqualTo(1411);
		assertThat(zero.actualPurchases()).isEqualTo(334);
		assertThat(zero.meanPredictedPurchases()).isCloseTo(0.2255, within(0.001));
		assertThat(holdout.correlation()).isCloseTo(0.626, within(0.0015));
		assertThat(holdout.total().actualPurchases()).isEqualTo(1882);
		// grouped by the published run's tiers
		assertThat(holdout.byGroup()).containsOnlyKeys("ABC:A", "ABC:B", "ABC:C");
		assertThat(holdout.backtest().total().actualPurchases()).isEqualTo(1882);

		assertThat(forecast.nextQuarter()).containsOnlyKeys(SalesForecasts.BY_TIER, SalesForecasts.BY_REGION,
				SalesForecasts.BY_OWNER);
		SalesForecast<String> month = forecast.nextMonth().get(SalesForecasts.BY_TIER);
		SalesForecast<String> quarter = forecast.nextQuarter().get(SalesForecasts.BY_TIER);
		SalesForecast<String> regions = forecast.nextQuarter().get(SalesForecasts.BY_REGION);
		assertThat(regions.byGroup()).containsOnlyKeys("EAST", SalesForecasts.NONE);
		assertThat(regions.byGroup().get("EAST").expectedPurchases() + regions.byGroup().get("-").expectedPurchases())
			.isCloseTo(quarter.total().expectedPurchases(), within(1e-6));
		assertThat(regions.total()).isEqualTo(quarter.total());
		assertThat(forecast.nextQuarter().get(SalesForecasts.BY_OWNER).byGroup()).containsOnlyKeys(SalesForecasts.NONE);
		assertThat(month.horizonDays()).isEqualTo(30);
		assertThat(quarter.byGroup()).containsOnlyKeys("ABC:A", "ABC:B", "ABC:C");
		assertThat(quarter.total().customers()).isEqualTo(2357);
		assertThat(quarter.total().expectedPurchases()).isGreaterThan(month.total().expectedPurchases());
		for (String tier : quarter.byGroup().keySet()) {
			ForecastRow row = quarter.byGroup().get(tier);
			assertThat(row.purchasesLow()).as(tier).isLessThanOrEqualTo(row.expectedPurchases());
			assertThat(row.purchasesHigh()).as(tier).isGreaterThan(row.expectedPurchases());
			assertThat(row.expectedRevenue()).as(tier).isPositive();
		}
		assertThat(quarter.byGroup().get("ABC:A").expectedRevenue())
			.isGreaterThan(quarter.byGroup().get("ABC:C").expectedRevenue());
	}

}
