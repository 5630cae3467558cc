package com.tiercrm.tiering.forecast;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.config.SettingsJson;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvModel;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.run.PastFacts;
import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;

import org.springframework.modulith.NamedInterface;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Sales forecasts per tier, region and owner, and holdout checks per tier, of the
 * published run. The CLV settings are the run's (its configuration, with the time unit
 * the run used); the facts are read again from the orders, as of the run's date for the
 * forecast and as of a past date for the check, whose actuals are the orders between that
 * date and the run's.
 */
@NamedInterface("forecast")
@Service
public class SalesForecasts {

	/**
	 * The group of a customer without a tier in the run (created after it), a region or
	 * an owner.
	 */
	public static final String NONE = "-";

	/** The grouping by tier code of the published run. */
	public static final String BY_TIER = "tier";

	/** The grouping by region code. */
	public static final String BY_REGION = "region";

	/** The grouping by owner (user id). */
	public static final String BY_OWNER = "owner";

	private static final int MONTH_DAYS = 30;

	private static final int QUARTER_DAYS = 91;

	private final JdbcTemplate jdbc;

	private final SegmentationRuns runs;

	private final PastFacts facts;

	private final HoldoutActualsReader actuals;

	private final SalesForecaster forecaster = SalesForecaster.defaults();

	SalesForecasts(JdbcTemplate jdbc, SegmentationRuns runs, PastFacts facts, HoldoutActualsReader actuals) {
		this.jdbc = jdbc;
		this.runs = runs;
		this.facts = facts;
		this.actuals = actuals;
	}

	/**
	 * Forecasts the next month and quarter per tier of the published run, per region and
	 * per owner, and checks the model on the {@code holdoutDays} before the run's date.
	 * @param holdoutDays the length of the holdout period, at least 1
	 * @return the forecast and check, or empty when no run is published
	 */
	public Optional<PublishedRunForecast> forPublishedRun(int holdoutDays) {
		if (holdoutDays < 1) {
			throw new IllegalArgumentException("forecast.invalid-horizon");
		}
		Long runId = SegmentationRuns.publishedRunId(this.jdbc);
		return (runId != null) ? Optional.of(forRun(runId, holdoutDays)) : Optional.empty();
	}

	/**
	 * Forecasts the next month and quarter per tier of a run, per region and per owner,
	 * and checks the model on the {@code holdoutDays} before the run's date.
	 * @param runId a run whose results are kept
	 * @param holdoutDays the length of the holdout period, at least 1
	 * @return the forecast and check
	 */
	public PublishedRunForecast forRun(long runId, int holdoutDays) {
		if (holdoutDays < 1) {
			throw new IllegalArgumentException("forecast.invalid-horizon");
		}
		SegmentationRun run = this.runs.find(runId).orElseThrow();
		ClvSettings settings = settings(run);
		Map<Long, String> tiers = new HashMap<>();
		this.jdbc.query("select customer_id, tier from customer_segments where run_id = ?", (ResultSet rs) -> {
			tiers.put(rs.getLong(1), rs.getString(2));
		}, runId);
		Map<Long, String> regions = new HashMap<>();
		Map<Long, String> owners = new HashMap<>();
		this.jdbc.query("select id, region, owner_id from customers", (ResultSet rs) -> {
			long id = rs.getLong(1);
			regions.put(id, Objects.requireNonNullElse(rs.getString(2), NONE));
			long owner = rs.getLong(3);
			owners.put(id, rs.wasNull() ? NONE : Long.toString(owner));
		});
		Function<CustomerFacts, String> tierOf = (facts) -> tiers.getOrDefault(facts.customerId(), NONE);
		List<Function<CustomerFacts, String>> groupings = List.of(tierOf,
				(facts) -> regions.getOrDefault(facts.customerId(), NONE),
				(facts) -> owners.getOrDefault(facts.customerId(), NONE));
		ClvModel model = new ClvModel(settings);

		LocalDate asOf = run.getAsOf();
		List<CustomerFacts> now = this.facts.asOf(asOf);
		ClvFit fit = model.fit(now);
		Map<String, SalesForecast<String>> month = Map.of();
		Map<String, SalesForecast<String>> quarter = Map.of();
		if (!fit.fallbackUsed()) {
			month = byGrouping(this.forecaster.forecast(now, fit, MONTH_DAYS, groupings));
			quarter = byGrouping(this.forecaster.forecast(now, fit, QUARTER_DAYS, groupings));
		}

		LocalDate calibrationEnd = asOf.minusDays(holdoutDays);
		List<CustomerFacts> calibration = this.facts.asOf(calibrationEnd);
		ClvFit calibrationFit = model.fit(calibration);
		HoldoutResult<String> holdout = null;
		if (!calibrationFit.fallbackUsed()) {
			Map<Long, double[]> actual = this.actuals.read(calibrationEnd, asOf);
			List<HoldoutCustomer> customers = calibration.stream().map((facts) -> {
				double[] outcome = actual.getOrDefault(facts.customerId(), new double[2]);
				return new HoldoutCustomer(facts, (int) outcome[0], outcome[1]);
			}).toList();
			holdout = new HoldoutCheck(settings, holdoutDays, this.forecaster).check(customers, calibrationFit, tierOf);
		}
		return new PublishedRunForecast(runId, asOf, fit, month, quarter, calibrationEnd, holdout);
	}

	private static Map<String, SalesForecast<String>> byGrouping(List<SalesForecast<String>> forecasts) {
		Map<String, SalesForecast<String>> byGrouping = new LinkedHashMap<>();
		byGrouping.put(BY_TIER, forecasts.get(0));
		byGrouping.put(BY_REGION, forecasts.get(1));
		byGrouping.put(BY_OWNER, forecasts.get(2));
		return Collections.unmodifiableMap(byGrouping);
	}

	/**
	 * The CLV settings of the run's configuration, with the time unit the run was fitted
	 * in.
	 */
	private ClvSettings settings(SegmentationRun run) {
		String json = this.jdbc.queryForObject("select settings from segmentation_configs where id = ?", String.class,
				run.getConfigId());
		ClvSettings settings = SettingsJson.read(json, SegmentationSettings.class).clv();
		RunReport report = run.report();
		if (report != null) {
			settings = settings.withTimeUnit(ClvTimeUnit.valueOf(report.clv().timeUnit()));
		}
		return settings;
	}

}
