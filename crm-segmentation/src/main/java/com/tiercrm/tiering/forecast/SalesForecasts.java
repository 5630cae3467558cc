package com.tiercrm.tiering.forecast;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Sales forecasts and holdout checks per tier of the published run. The CLV settings are
 * the run's (its configuration, with the time unit the run used); the facts are read
 * again from the orders, as of the run's date for the forecast and as of a past date for
 * the check, whose actuals are the orders between that date and the run's.
 */
@Service
public class SalesForecasts {

	/** The group of a customer the published run does not know (created after it). */
	public static final String UNTIERED = "-";

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
	 * Forecasts the next month and quarter per tier of the published run and checks the
	 * model on the {@code holdoutDays} before the run's date.
	 * @param holdoutDays the length of the holdout period, at least 1
	 * @return the forecast and check, or empty when no run is published
	 */
	public Optional<PublishedRunForecast> forPublishedRun(int holdoutDays) {
		if (holdoutDays < 1) {
			throw new IllegalArgumentException("forecast.invalid-horizon");
		}
		Long runId = SegmentationRuns.publishedRunId(this.jdbc);
		if (runId == null) {
			return Optional.empty();
		}
		SegmentationRun run = this.runs.find(runId).orElseThrow();
		ClvSettings settings = settings(run);
		Map<Long, String> tiers = new HashMap<>();
		this.jdbc.query("select customer_id, tier from customer_segments where run_id = ?", (ResultSet rs) -> {
			tiers.put(rs.getLong(1), rs.getString(2));
		}, runId);
		Function<CustomerFacts, String> tierOf = (facts) -> tiers.getOrDefault(facts.customerId(), UNTIERED);
		ClvModel model = new ClvModel(settings);

		LocalDate asOf = run.getAsOf();
		List<CustomerFacts> now = this.facts.asOf(asOf);
		ClvFit fit = model.fit(now);
		SalesForecast<String> month = null;
		SalesForecast<String> quarter = null;
		if (!fit.fallbackUsed()) {
			month = this.forecaster.forecast(now, fit, MONTH_DAYS, tierOf);
			quarter = this.forecaster.forecast(now, fit, QUARTER_DAYS, tierOf);
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
		return Optional.of(new PublishedRunForecast(runId, asOf, fit, month, quarter, calibrationEnd, holdout));
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
