package com.tiercrm.tiering.forecast;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The CDNOW sample through the product: imported as customers and orders, a weekly run as
 * of 1998-06-30 published, then the forecast per tier of that run and the holdout check
 * of the 273 days before it, which calibrates as of 1997-09-30 from the orders and must
 * give the paper's figures. Subclasses pick the database.
 */
@TestPropertySource(properties = "tiercrm.forecast.holdout-days=273")
abstract class SalesForecastsTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SegmentationRuns runs;

	@Autowired
	SalesForecasts forecasts;

	@Autowired
	RunForecasts stored;

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

		// The same, computed in the background once and kept, as the page and API read
		// it.
		this.jdbc.update("delete from run_forecast_rows");
		this.jdbc.update("delete from run_forecasts");
		StoredForecast first = this.stored.published();
		assertThat(first).isNotNull();
		assertThat(first.runId()).isEqualTo(run.getId());
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.stored.of(run.getId()).status() != StoredForecast.Status.RUNNING);
		StoredForecast kept = this.stored.of(run.getId());
		assertThat(kept.status()).isEqualTo(StoredForecast.Status.DONE);
		assertThat(kept.calibrationEnd()).isEqualTo(LocalDate.of(1997, 9, 30));
		assertThat(kept.holdoutDays()).isEqualTo(273);
		assertThat(kept.correlation()).isCloseTo(holdout.correlation(), within(1e-9));
		assertThat(kept.meanAbsoluteError()).isCloseTo(holdout.meanAbsoluteError(), within(1e-9));
		assertThat(kept.holdoutCustomers()).isEqualTo(2357);
		StoredForecast.Row zeroKept = kept.rows(StoredForecast.Kind.HOLDOUT, 273, RunForecasts.BY_REPEATS).get(0);
		assertThat(zeroKept.groupKey()).isEqualTo("0");
		assertThat(zeroKept.customers()).isEqualTo(1411);
		assertThat(zeroKept.actualPurchases()).isEqualTo(334);
		assertThat(zeroKept.meanExpectedPurchases()).isCloseTo(0.2255, within(0.001));
		assertThat(kept.rows(StoredForecast.Kind.FORECAST, StoredForecast.QUARTER, SalesForecasts.BY_TIER))
			.extracting(StoredForecast.Row::groupKey)
			.containsExactly("ABC:A", "ABC:B", "ABC:C");
		assertThat(kept.total(StoredForecast.Kind.FORECAST, StoredForecast.QUARTER).orElseThrow().expectedPurchases())
			.isCloseTo(quarter.total().expectedPurchases(), within(1e-6));
		assertThat(kept.rows(StoredForecast.Kind.FORECAST, StoredForecast.MONTH, SalesForecasts.BY_REGION))
			.extracting(StoredForecast.Row::groupKey)
			.containsExactlyInAnyOrder("EAST", SalesForecasts.NONE);
		assertThat(kept.rows(StoredForecast.Kind.BACKTEST, 273, SalesForecasts.BY_TIER)).hasSize(3);
		assertThat(kept.total(StoredForecast.Kind.BACKTEST, 273).orElseThrow().actualPurchases()).isEqualTo(1882);
		// asked again, it is read, not computed again
		assertThat(this.jdbc.queryForObject("select count(*) from run_forecasts", Integer.class)).isOne();
		Object finished = this.jdbc.queryForObject("select finished_at from run_forecasts", Object.class);
		this.stored.published();
		assertThat(this.jdbc.queryForObject("select finished_at from run_forecasts", Object.class)).isEqualTo(finished);

		// A claim left running by an instance that stopped: a recent one is left alone,
		// one older than 30 minutes is taken over and computed again.
		this.jdbc.update("delete from run_forecast_rows");
		Timestamp recent = Timestamp.from(Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS));
		this.jdbc.update("update run_forecasts set status = 'RUNNING', finished_at = null, started_at = ?", recent);
		assertThat(this.stored.of(run.getId()).status()).isEqualTo(StoredForecast.Status.RUNNING);
		assertThat(this.jdbc.queryForObject("select started_at from run_forecasts", Timestamp.class)).isEqualTo(recent);
		this.jdbc.update("update run_forecasts set started_at = ?",
				Timestamp.from(Instant.now().minus(Duration.ofMinutes(31))));
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.stored.of(run.getId()).status() == StoredForecast.Status.DONE);
		assertThat(this.stored.of(run.getId()).rows(StoredForecast.Kind.HOLDOUT, 273, RunForecasts.BY_REPEATS))
			.isNotEmpty();
	}

}
