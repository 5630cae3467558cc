package com.tiercrm.tiering.insight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.tiercrm.account.AccessScope;
import com.tiercrm.tiering.SharedCaches;
import com.tiercrm.tiering.run.RunPublished;
import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.SegmentationRunRepository;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reads the dashboard of the published run and the per-tier metrics of all runs from the
 * aggregates each run stored when it was published; the dashboard of a rep or a manager,
 * whose customers are a part of the company's, adds up the figures stored per owner
 * ({@link ScopedFigures}).
 */
@NamedInterface("insight")
@Service
public class RunDashboards {

	static final String RUNS_CACHE = "tiering.runs";

	private final NamedParameterJdbcTemplate jdbc;

	private final SegmentationRunRepository runs;

	// A finished run never changes: its metadata is read once, until a published run
	// may have deleted old runs.
	private final Cache runMetadata;

	private final SharedCaches shared;

	RunDashboards(NamedParameterJdbcTemplate jdbc, SegmentationRunRepository runs, CacheManager caches,
			SharedCaches shared) {
		this.jdbc = jdbc;
		this.shared = shared;
		this.runs = runs;
		this.runMetadata = Objects.requireNonNull(caches.getCache(RUNS_CACHE));
	}

	/**
	 * Whether a run is published, so that there is a dashboard to read: without reading
	 * it.
	 */
	public boolean anyPublished() {
		return SegmentationRuns.publishedRunId(this.jdbc.getJdbcOperations()) != null;
	}

	/**
	 * The published run's dashboard, with the downgraded customers the scope allows;
	 * empty before the first run. Read-only, so that with a replica it is read there.
	 */
	@Transactional(readOnly = true)
	public Optional<RunDashboard> published(AccessScope scope, int downgradeLimit) {
		Long runId = SegmentationRuns.publishedRunId(this.jdbc.getJdbcOperations());
		if (runId == null) {
			return Optional.empty();
		}
		RunDashboard.Run run = run(runId);
		if (run == null) {
			return Optional.empty();
		}
		Map<String, Long> params = Map.of("run", runId);
		Long previousId = this.jdbc.queryForObject("select previous_run_id from run_aggregates where run_id = :run",
				params, Long.class);
		RunDashboard.Run previous = (previousId != null) ? run(previousId) : null;
		if (scope.kind() != AccessScope.Kind.ALL) {
			return Optional.of(scoped(run, previous, scope, downgradeLimit));
		}
		List<GroupStats> tiers = this.jdbc.query(
				"select g.* from run_group_stats g join tiers t on t.code = g.group_code"
						+ " where g.run_id = :run and g.dimension = 'TIER' order by t.rank_order, g.group_code",
				params, RunDashboards::stats);
		List<GroupStats> segments = this.jdbc.query(
				"select g.* from run_group_stats g left join tiers t on t.code = 'RFM:' || g.group_code"
						+ " where g.run_id = :run and g.dimension = 'RFM' order by t.rank_order, g.group_code",
				params, RunDashboards::stats);
		List<RunDashboard.LorenzPoint> lorenz = new java.util.ArrayList<>();
		lorenz.add(new RunDashboard.LorenzPoint(0, 0));
		lorenz.addAll(this.jdbc.query(
				"select customer_share, revenue_share from run_lorenz_points where run_id = :run order by point_no",
				params, (rs, row) -> new RunDashboard.LorenzPoint(rs.getDouble(1), rs.getDouble(2))));
		List<RunDashboard.RfmCell> cells = this.jdbc.query(
				"select r_score, f_score, customers, monetary_sum from run_rfm_cells where run_id = :run"
						+ " order by r_score desc, f_score desc",
				params,
				(rs, row) -> new RunDashboard.RfmCell(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getDouble(4)));
		List<RunDashboard.MigrationCell> migration = this.jdbc.query(
				"select from_tier, to_tier, customers from run_migration_cells where run_id = :run"
						+ " order by from_tier, to_tier",
				params, (rs, row) -> new RunDashboard.MigrationCell(rs.getString(1), rs.getString(2), rs.getLong(3)));
		List<TierChange> downgrades = downgrades(runId, scope, downgradeLimit);
		return Optional.of(new RunDashboard(run, tiers, segments, lorenz, cells, previous, migration, downgrades));
	}

	/**
	 * The dashboard of the customers a rep or a manager's teams own now, added up from
	 * the owners' figures the run stored ({@link OwnerFigures}), or for a run published
	 * without them aggregated from the run's rows.
	 */
	private RunDashboard scoped(RunDashboard.Run run, RunDashboard.@Nullable Run previous, AccessScope scope,
			int downgradeLimit) {
		Long previousId = (previous != null) ? previous.id() : null;
		ScopedFigures figures = ScopedFigures.stored(this.jdbc, run.id(), previousId, scope);
		if (figures == null) {
			figures = ScopedFigures.read(this.jdbc, run.id(), previousId, scope);
		}
		List<String> ranked = this.jdbc.queryForList("select code from tiers order by rank_order, code", Map.of(),
				String.class);
		List<String> segmentOrder = ranked.stream()
			.filter((code) -> code.startsWith("RFM:"))
			.map((code) -> code.substring(4))
			.toList();
		return new RunDashboard(run, figures.stats(figures.tiers, ranked),
				figures.stats(figures.segments, segmentOrder), figures.lorenz, figures.heat(), previous,
				figures.migrationCells(), downgrades(run.id(), scope, downgradeLimit), scope.kind());
	}

	private List<TierChange> downgrades(long runId, AccessScope scope, int downgradeLimit) {
		MapSqlParameterSource scoped = new MapSqlParameterSource("run", runId).addValue("scopeUser", scope.userId())
			.addValue("limit", downgradeLimit);
		return this.jdbc.query(
				"select c.id, c.code, c.name, d.from_tier, d.to_tier"
						+ " from run_downgrades d join customers c on c.id = d.customer_id where d.run_id = :run and "
						+ scope.ownerCondition("d.owner_id") + " order by d.from_rank, d.abc_value desc, d.customer_id"
						+ " limit :limit",
				scoped, (rs, row) -> new TierChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)));
	}

	/**
	 * Every run's metrics per tier, oldest run first and best tier first within a run,
	 * with the churn of each tier's cohort from the previous run. A tier that had a
	 * cohort but has no customers left in the run is listed with zero customers.
	 */
	public List<TierMetrics> tierHistory() {
		String columns = "select r.id as history_run_id, r.as_of, r.finished_at, t.rank_order, a.churn_lowest_tier,"
				+ " c.customers as cohort_customers, c.below_threshold, c.dropped_to_lowest,"
				+ " c.churned as cohort_churned, r.config_id as run_config_id,"
				+ " (select p.config_id from segmentation_runs p where p.id = a.previous_run_id) as previous_config_id";
		List<TierMetrics> history = new ArrayList<>(this.jdbc.query(
				columns + ", g.* from run_group_stats g join run_aggregates a on a.run_id = g.run_id"
						+ " join segmentation_runs r on r.id = g.run_id join tiers t on t.code = g.group_code"
						+ " left join run_churn_cohorts c on c.run_id = g.run_id and c.tier_code = g.group_code"
						+ " where g.dimension = 'TIER'",
				Map.of(),
				(rs, row) -> new TierMetrics(rs.getLong("history_run_id"), rs.getObject("as_of", LocalDate.class),
						instant(rs, "finished_at"), rs.getInt("rank_order"), stats(rs, row), churn(rs))));
		history.addAll(this.jdbc.query(
				columns + ", c.tier_code from run_churn_cohorts c join run_aggregates a on a.run_id = c.run_id"
						+ " join segmentation_runs r on r.id = c.run_id join tiers t on t.code = c.tier_code"
						+ " where not exists (select 1 from run_group_stats g where g.run_id = c.run_id"
						+ " and g.dimension = 'TIER' and g.group_code = c.tier_code)",
				Map.of(),
				(rs, row) -> new TierMetrics(rs.getLong("history_run_id"), rs.getObject("as_of", LocalDate.class),
						instant(rs, "finished_at"), rs.getInt("rank_order"),
						new GroupStats(rs.getString("tier_code"), 0, 0, 0, 0, 0, 0, 0, 0), churn(rs))));
		history.sort(Comparator.comparing(TierMetrics::asOf)
			.thenComparingLong(TierMetrics::runId)
			.thenComparingInt(TierMetrics::rankOrder)
			.thenComparing((m) -> m.stats().code()));
		return history;
	}

	/**
	 * A tier's metrics in the last run that finished before a moment and in the first run
	 * that started after it, for comparing before and after a policy change.
	 */
	public BeforeAfter around(String tierCode, Instant changedAt) {
		List<TierMetrics> tier = tierHistory().stream().filter((m) -> m.stats().code().equals(tierCode)).toList();
		TierMetrics before = tier.stream()
			.filter((m) -> m.finishedAt() != null && m.finishedAt().isBefore(changedAt))
			.max(Comparator.comparing(TierMetrics::finishedAt))
			.orElse(null);
		TierMetrics after = tier.stream()
			.filter((m) -> m.finishedAt() != null && m.finishedAt().isAfter(changedAt))
			.min(Comparator.comparing(TierMetrics::finishedAt))
			.orElse(null);
		return new BeforeAfter(before, after);
	}

	/**
	 * A tier's metrics around a change; either side is null when there is no such run.
	 */
	public record BeforeAfter(@Nullable TierMetrics before, @Nullable TierMetrics after) {

	}

	private RunDashboard.@Nullable Run run(long runId) {
		RunDashboard.Run cached = this.runMetadata.get(runId, RunDashboard.Run.class);
		if (cached != null) {
			return cached;
		}
		RunDashboard.Run read = readRun(runId);
		if (read != null && read.finishedAt() != null) {
			this.runMetadata.put(runId, read);
		}
		return read;
	}

	@TransactionalEventListener
	void forgetRuns(RunPublished published) {
		this.shared.changed(RUNS_CACHE);
	}

	private RunDashboard.@Nullable Run readRun(long runId) {
		return this.runs.findById(runId).map((run) -> {
			RunReport report = run.report();
			String model = (report != null) ? report.tierModel() : null;
			Double threshold = this.jdbc.queryForObject(
					"select max(churn_threshold) from run_aggregates where run_id = :run", Map.of("run", runId),
					Double.class);
			return new RunDashboard.Run(runId, run.getAsOf(), run.getFinishedAt(), run.getConfigId(), model,
					(threshold != null) ? threshold : 0);
		}).orElse(null);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The cohort churn of a history row: {@code null} where the run counted none.
	 */
	private static @Nullable ChurnCohort churn(ResultSet rs) throws SQLException {
		if (rs.getString("churn_lowest_tier") == null) {
			return null;
		}
		long previousConfig = rs.getLong("previous_config_id");
		// Runs of another configuration: only the probability is churn, also in cohorts
		// counted before runs knew that.
		boolean dropsChurn = rs.wasNull() || previousConfig == rs.getLong("run_config_id");
		long customers = rs.getLong("cohort_customers");
		if (rs.wasNull()) {
			return new ChurnCohort(0, 0, 0, 0, dropsChurn);
		}
		long below = rs.getLong("below_threshold");
		return new ChurnCohort(customers, below, rs.getLong("dropped_to_lowest"),
				dropsChurn ? rs.getLong("cohort_churned") : below, dropsChurn);
	}

	private static GroupStats stats(ResultSet rs, int row) throws SQLException {
		return new GroupStats(rs.getString("group_code"), rs.getLong("customers"), rs.getDouble("revenue"),
				rs.getDouble("profit"), rs.getDouble("clv_predicted_sum"), rs.getLong("buyers"),
				rs.getLong("repeat_buyers"), rs.getDouble("satisfaction_sum"), rs.getLong("satisfaction_count"));
	}

}
