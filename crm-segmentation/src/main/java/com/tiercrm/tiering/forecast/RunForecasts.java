package com.tiercrm.tiering.forecast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.run.SegmentationRuns;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published run's sales forecast and holdout check, computed once per run in the
 * background the first time someone asks for it, and kept in {@code run_forecasts} and
 * {@code run_forecast_rows}: reading every customer's facts twice takes tens of seconds
 * at a million customers, too long for a page and too much to repeat. One instance claims
 * a run's computation (the row's key); a claim left running for {@value #STALE_MINUTES}
 * minutes, by an instance that stopped, is taken over.
 */
@NamedInterface("forecast")
@Service
public class RunForecasts {

	/** The grouping by number of repeat purchases in the calibration period. */
	public static final String BY_REPEATS = "repeats";

	/** The grouping of the row of all customers. */
	public static final String TOTAL = "total";

	static final int STALE_MINUTES = 30;

	private static final Log logger = LogFactory.getLog(RunForecasts.class);

	private static final String COLUMNS = "r.kind, r.horizon_days, r.group_by, r.group_key, t.rank_order, r.customers,"
			+ " r.expected_purchases, r.purchases_low, r.purchases_high, r.expected_revenue, r.revenue_low,"
			+ " r.revenue_high, r.actual_purchases, r.actual_revenue";

	private final JdbcTemplate jdbc;

	private final SalesForecasts forecasts;

	private final TaskExecutor executor;

	private final TransactionTemplate transactions;

	private final int holdoutDays;

	RunForecasts(JdbcTemplate jdbc, SalesForecasts forecasts,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, PlatformTransactionManager transactionManager,
			@Value("${tiercrm.forecast.holdout-days:91}") int holdoutDays) {
		this.jdbc = jdbc;
		this.forecasts = forecasts;
		this.executor = executor;
		this.transactions = new TransactionTemplate(transactionManager);
		this.holdoutDays = holdoutDays;
	}

	/**
	 * The published run's forecast, or where its computation is; starts the computation
	 * when nobody has.
	 * @return it, {@code null} when no run is published
	 */
	public @Nullable StoredForecast published() {
		Long runId = SegmentationRuns.publishedRunId(this.jdbc);
		return (runId != null) ? of(runId) : null;
	}

	/**
	 * The published run's forecast if it has been computed, without starting anything:
	 * for pages that show it in passing.
	 * @return it, {@code null} when no run is published or its forecast is not done
	 */
	@Transactional(readOnly = true)
	public @Nullable StoredForecast publishedIfDone() {
		Long runId = SegmentationRuns.publishedRunId(this.jdbc);
		StoredForecast stored = (runId != null) ? read(runId) : null;
		return (stored != null && stored.status() == StoredForecast.Status.DONE) ? stored : null;
	}

	/**
	 * A run's forecast, or where its computation is; starts the computation when nobody
	 * has, or when the instance that started it stopped.
	 * @param runId a run whose results are kept
	 * @return the forecast or its status
	 */
	public StoredForecast of(long runId) {
		StoredForecast stored = read(runId);
		// A running computation is taken over only when its claim is older than
		// STALE_MINUTES, which the claim's UPDATE checks.
		boolean open = stored == null || stored.status() == StoredForecast.Status.RUNNING;
		if (open && claim(runId, stored != null)) {
			this.executor.execute(() -> compute(runId));
			stored = read(runId);
		}
		return (stored != null) ? stored : running(runId);
	}

	private boolean claim(long runId, boolean takeOver) {
		Timestamp now = Timestamp.from(Instant.now());
		if (takeOver) {
			return this.jdbc.update(
					"update run_forecasts set started_at = ? where run_id = ? and status = 'RUNNING' and started_at < ?",
					now, runId, Timestamp.from(Instant.now().minus(Duration.ofMinutes(STALE_MINUTES)))) > 0;
		}
		try {
			return this.jdbc.update("insert into run_forecasts (run_id, status, started_at) values (?, 'RUNNING', ?)",
					runId, now) > 0;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Computes and keeps a run's forecast; a failure is kept as such.
	 */
	void compute(long runId) {
		try {
			long started = System.nanoTime();
			PublishedRunForecast forecast = this.forecasts.forRun(runId, this.holdoutDays);
			this.transactions.executeWithoutResult((status) -> store(runId, forecast));
			logger.info("Forecast of segmentation run " + runId + " computed in "
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
		}
		catch (RuntimeException ex) {
			logger.error("Could not compute the forecast of segmentation run " + runId, ex);
			this.jdbc.update(
					"update run_forecasts set status = 'FAILED', finished_at = ?, error_code = ? where run_id = ?",
					Timestamp.from(Instant.now()), "forecast.failed", runId);
		}
	}

	private void store(long runId, PublishedRunForecast forecast) {
		List<Object[]> rows = new ArrayList<>();
		Double level = null;
		for (Map.Entry<Integer, Map<String, SalesForecast<String>>> horizon : Map
			.of(StoredForecast.MONTH, forecast.nextMonth(), StoredForecast.QUARTER, forecast.nextQuarter())
			.entrySet()) {
			for (Map.Entry<String, SalesForecast<String>> grouping : horizon.getValue().entrySet()) {
				SalesForecast<String> sales = grouping.getValue();
				level = sales.level();
				sales.byGroup()
					.forEach((key, row) -> rows.add(forecastRow(runId, StoredForecast.Kind.FORECAST, horizon.getKey(),
							grouping.getKey(), key, row, null, null)));
				if (grouping.getKey().equals(SalesForecasts.BY_TIER)) {
					rows.add(forecastRow(runId, StoredForecast.Kind.FORECAST, horizon.getKey(), TOTAL, "*",
							sales.total(), null, null));
				}
			}
		}
		HoldoutResult<String> holdout = forecast.holdout();
		if (holdout != null) {
			int days = holdout.holdoutDays();
			List<HoldoutComparison> byRepeats = holdout.byRepeatPurchases();
			for (int repeats = 0; repeats < byRepeats.size(); repeats++) {
				if (byRepeats.get(repeats).customers() > 0) {
					rows.add(holdoutRow(runId, days, BY_REPEATS, Integer.toString(repeats), byRepeats.get(repeats)));
				}
			}
			holdout.byGroup()
				.forEach((key, comparison) -> rows
					.add(holdoutRow(runId, days, SalesForecasts.BY_TIER, key, comparison)));
			rows.add(holdoutRow(runId, days, TOTAL, "*", holdout.total()));
			ForecastBacktest<String> backtest = holdout.backtest();
			backtest.byGroup()
				.forEach((key, row) -> rows.add(forecastRow(runId, StoredForecast.Kind.BACKTEST, days,
						SalesForecasts.BY_TIER, key, row.forecast(), row.actualPurchases(), row.actualRevenue())));
			rows.add(forecastRow(runId, StoredForecast.Kind.BACKTEST, days, TOTAL, "*", backtest.total().forecast(),
					backtest.total().actualPurchases(), backtest.total().actualRevenue()));
			level = backtest.forecast().level();
		}
		this.jdbc.update("delete from run_forecast_rows where run_id = ?", runId);
		this.jdbc.batchUpdate("insert into run_forecast_rows (run_id, kind, horizon_days, group_by, group_key,"
				+ " customers, expected_purchases, purchases_low, purchases_high, expected_revenue, revenue_low,"
				+ " revenue_high, actual_purchases, actual_revenue) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
		this.jdbc.update(
				"update run_forecasts set status = 'DONE', finished_at = ?, error_code = null, as_of = ?,"
						+ " calibration_end = ?, holdout_days = ?, interval_level = ?, fallback_used = ?,"
						+ " holdout_customers = ?, mean_absolute_error = ?, correlation = ? where run_id = ?",
				Timestamp.from(Instant.now()), forecast.asOf(), forecast.calibrationEnd(), this.holdoutDays, level,
				forecast.fit().fallbackUsed(), (holdout != null) ? (long) holdout.total().customers() : null,
				(holdout != null) ? finite(holdout.meanAbsoluteError()) : null,
				(holdout != null) ? finite(holdout.correlation()) : null, runId);
	}

	private static Object[] forecastRow(long runId, StoredForecast.Kind kind, int horizon, String groupBy, String key,
			ForecastRow row, @Nullable Double actualPurchases, @Nullable Double actualRevenue) {
		return new Object[] { runId, kind.name(), horizon, groupBy, key, row.customers(), row.expectedPurchases(),
				finite(row.purchasesLow()), finite(row.purchasesHigh()), row.expectedRevenue(),
				finite(row.revenueLow()), finite(row.revenueHigh()), actualPurchases, actualRevenue };
	}

	private static Object[] holdoutRow(long runId, int horizon, String groupBy, String key,
			HoldoutComparison comparison) {
		return new Object[] { runId, StoredForecast.Kind.HOLDOUT.name(), horizon, groupBy, key, comparison.customers(),
				comparison.predictedPurchases(), null, null, comparison.predictedRevenue(), null, null,
				comparison.actualPurchases(), comparison.actualRevenue() };
	}

	private @Nullable StoredForecast read(long runId) {
		List<StoredForecast> stored = this.jdbc.query(
				"select status, error_code, as_of, calibration_end, holdout_days, interval_level, fallback_used,"
						+ " holdout_customers, mean_absolute_error, correlation from run_forecasts where run_id = ?",
				(rs, n) -> new StoredForecast(runId, StoredForecast.Status.valueOf(rs.getString(1)), rs.getString(2),
						(rs.getDate(3) != null) ? rs.getDate(3).toLocalDate() : null,
						(rs.getDate(4) != null) ? rs.getDate(4).toLocalDate() : null, rs.getObject(5, Integer.class),
						rs.getObject(6, Double.class), rs.getObject(7, Boolean.class), rs.getObject(8, Long.class),
						rs.getObject(9, Double.class), rs.getObject(10, Double.class), List.of()),
				runId);
		if (stored.isEmpty()) {
			return null;
		}
		StoredForecast forecast = stored.get(0);
		if (forecast.status() != StoredForecast.Status.DONE) {
			return forecast;
		}
		List<StoredForecast.Row> rows = this.jdbc.query(
				"select " + COLUMNS + " from run_forecast_rows r"
						+ " left join tiers t on r.group_by = 'tier' and t.code = r.group_key where r.run_id = ?",
				RunForecasts::row, runId);
		return new StoredForecast(runId, forecast.status(), forecast.errorCode(), forecast.asOf(),
				forecast.calibrationEnd(), forecast.holdoutDays(), forecast.level(), forecast.fallbackUsed(),
				forecast.holdoutCustomers(), forecast.meanAbsoluteError(), forecast.correlation(), rows);
	}

	private static StoredForecast.Row row(ResultSet rs, int n) throws SQLException {
		return new StoredForecast.Row(StoredForecast.Kind.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
				rs.getString(4), rs.getObject(5, Integer.class), rs.getLong(6), rs.getDouble(7),
				rs.getObject(8, Double.class), rs.getObject(9, Double.class), rs.getDouble(10),
				rs.getObject(11, Double.class), rs.getObject(12, Double.class), rs.getObject(13, Double.class),
				rs.getObject(14, Double.class));
	}

	private static StoredForecast running(long runId) {
		return new StoredForecast(runId, StoredForecast.Status.RUNNING, null, null, null, null, null, null, null, null,
				null, List.of());
	}

	private static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

}
