package com.tiercrm.tiering.run;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.insight.ChurnCohort;
import com.tiercrm.tiering.insight.DashboardProperties;
import com.tiercrm.tiering.insight.GroupStats;
import com.tiercrm.tiering.insight.OwnerFigures;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Writes a run's {@link RunFigures} into the small tables the dashboard and the
 * evaluation read ({@code run_group_stats}, {@code run_lorenz_points},
 * {@code run_rfm_cells}, {@code run_migration_cells}, {@code run_churn_cohorts},
 * {@code run_downgrades}, {@code run_aggregates}), computed by the run in memory. The
 * database adds what the run does not hold: each customer's satisfaction scores, the
 * owners of those who moved down, and every customer's owner for the figures per owner
 * ({@link OwnerFigures}), added up in memory too.
 */
@Component
class RunAggregator {

	/**
	 * Downgraded customers whose owners are read per query: few enough for the planner to
	 * look them up by key.
	 */
	private static final int OWNER_CHUNK = 10_000;

	private final NamedParameterJdbcTemplate jdbc;

	private final SegmentationProperties segmentation;

	private final DashboardProperties properties;

	private final OwnerFigures owners;

	RunAggregator(NamedParameterJdbcTemplate jdbc, SegmentationProperties segmentation, DashboardProperties properties,
			OwnerFigures owners) {
		this.jdbc = jdbc;
		this.owners = owners;
		this.segmentation = segmentation;
		this.properties = properties;
	}

	/**
	 * Each customer's satisfaction scores of the interactions up to the as-of date, read
	 * with one grouped query over the interactions (not over the run's rows: they are not
	 * written yet), in the order of the segmentation's customers.
	 */
	RunFigures.Satisfaction satisfaction(Segmentation segmentation, LocalDate asOf) {
		Instant end = asOf.plusDays(1).atStartOfDay(this.segmentation.zone()).toInstant();
		RunFigures.Satisfaction scores = RunFigures.Satisfaction.none(segmentation.size());
		CustomerIndex index = new CustomerIndex(segmentation.customerIds);
		this.jdbc.getJdbcOperations().query((connection) -> {
			PreparedStatement statement = connection
				.prepareStatement("select customer_id, sum(satisfaction), count(satisfaction) from interactions"
						+ " where satisfaction is not null and occurred_at < ? group by customer_id");
			statement.setTimestamp(1, Timestamp.from(end));
			statement.setFetchSize(10_000);
			return statement;
		}, (ResultSet rs) -> {
			int i = index.of(rs.getLong(1));
			if (i >= 0) {
				scores.sums()[i] = rs.getDouble(2);
				scores.counts()[i] = rs.getInt(3);
			}
		});
		return scores;
	}

	/**
	 * Stores the figures of a run whose per-customer rows are written, in the caller's
	 * transaction.
	 * @return the milliseconds it took
	 */
	long store(long runId, RunFigures figures) {
		long started = System.nanoTime();
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId);
		List<MapSqlParameterSource> rows = new ArrayList<>();
		figures.tiers().forEach((code, stats) -> rows.add(row(runId, "TIER", stats)));
		figures.segments().forEach((code, stats) -> rows.add(row(runId, "RFM", stats)));
		this.jdbc.batchUpdate("insert into run_group_stats (run_id, dimension, group_code, customers, revenue, profit,"
				+ " clv_predicted_sum, buyers, repeat_buyers, satisfaction_sum, satisfaction_count)"
				+ " values (:run, :dimension, :code, :customers, :revenue, :profit, :clv, :buyers, :repeatBuyers,"
				+ " :satisfactionSum, :satisfactionCount)", rows.toArray(MapSqlParameterSource[]::new));
		this.jdbc.batchUpdate(
				"insert into run_rfm_cells (run_id, r_score, f_score, customers, monetary_sum)"
						+ " values (:run, :r, :f, :customers, :monetary)",
				figures.cells()
					.stream()
					.map((cell) -> new MapSqlParameterSource("run", runId).addValue("r", cell.recencyScore())
						.addValue("f", cell.frequencyScore())
						.addValue("customers", cell.customers())
						.addValue("monetary", cell.monetarySum()))
					.toArray(MapSqlParameterSource[]::new));
		this.jdbc.batchUpdate(
				"insert into run_lorenz_points (run_id, point_no, customer_share, revenue_share)"
						+ " values (:run, :point, :customers, :revenue)",
				figures.lorenz()
					.stream()
					.map((point) -> new MapSqlParameterSource("run", runId).addValue("point", point.pointNo())
						.addValue("customers", point.customerShare())
						.addValue("revenue", point.revenueShare()))
					.toArray(MapSqlParameterSource[]::new));
		RunChanges changes = figures.changes();
		double threshold = this.properties.churnThreshold();
		String lowestTier = null;
		Long previous = null;
		if (changes != null) {
			previous = changes.fromRunId();
			threshold = changes.churnRule().threshold();
			lowestTier = changes.churnRule().lowestTier();
			storeMigration(runId, changes.migration());
			storeCohorts(runId, changes.cohorts());
			storeDowngrades(runId, changes.movedDown());
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		params.addValue("previous", previous)
			.addValue("threshold", threshold)
			.addValue("lowestTier", lowestTier)
			.addValue("computedAt", Timestamp.from(Instant.now()))
			.addValue("millis", millis);
		this.jdbc.update("insert into run_aggregates (run_id, previous_run_id, churn_threshold, churn_lowest_tier,"
				+ " computed_at, compute_millis) values (:run, :previous, :threshold, :lowestTier, :computedAt, :millis)",
				params);
		return millis;
	}

	/**
	 * Locks the publication until the caller's transaction ends, before
	 * {@link #ownerFigures} reads the owners on another connection.
	 */
	void holdPublication() {
		this.owners.holdPublication();
	}

	/**
	 * Adds up the figures per owner of a run being published from what the run holds in
	 * memory, with each customer's owner as it is once the publication is held
	 * ({@link #holdPublication}): in a read-only transaction of the caller's, on any
	 * thread.
	 * @param previousTiers each customer's tier in the previous run, or {@code null} when
	 * there was none
	 */
	OwnerFigures.Figures ownerFigures(Segmentation segmentation, @Nullable String @Nullable [] previousTiers) {
		OwnerFigures.Owners owners = this.owners.owners();
		return OwnerFiguresPass.compute(segmentation, previousTiers, owners.customerIds(), owners.ownerIds());
	}

	/**
	 * Stores the figures per owner of a run being published, in the caller's transaction
	 * and after {@link #store}.
	 * @return the milliseconds it took
	 */
	long storeOwnerFigures(long runId, OwnerFigures.Figures figures) {
		return this.owners.store(runId, figures);
	}

	private void storeMigration(long runId, Map<String, Map<String, Long>> matrix) {
		List<MapSqlParameterSource> cells = new ArrayList<>();
		matrix.forEach((from,
				row) -> row.forEach((to,
						customers) -> cells.add(new MapSqlParameterSource("run", runId).addValue("from", from)
							.addValue("to", to)
							.addValue("customers", customers))));
		this.jdbc.batchUpdate("insert into run_migration_cells (run_id, from_tier, to_tier, customers)"
				+ " values (:run, :from, :to, :customers)", cells.toArray(MapSqlParameterSource[]::new));
	}

	private void storeCohorts(long runId, Map<String, ChurnCohort> cohorts) {
		List<MapSqlParameterSource> rows = new ArrayList<>();
		cohorts.forEach((tier,
				cohort) -> rows.add(new MapSqlParameterSource("run", runId).addValue("tier", tier)
					.addValue("customers", cohort.customers())
					.addValue("below", cohort.belowThreshold())
					.addValue("dropped", cohort.droppedToLowest())
					.addValue("churned", cohort.churned())));
		this.jdbc.batchUpdate(
				"insert into run_churn_cohorts (run_id, tier_code, customers, below_threshold,"
						+ " dropped_to_lowest, churned) values (:run, :tier, :customers, :below, :dropped, :churned)",
				rows.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * Each owner's most valuable downgrades: only the owners come from the database, a
	 * chunk of ids at a time, which also leaves out customers deleted since.
	 */
	private void storeDowngrades(long runId, RunChanges.MovedDown moved) {
		Downgrade.MostValuable kept = new Downgrade.MostValuable(this.properties.downgradesPerOwner());
		for (int start = 0; start < moved.size() && this.properties.downgradesPerOwner() > 0; start += OWNER_CHUNK) {
			int end = Math.min(moved.size(), start + OWNER_CHUNK);
			Map<Long, Integer> positions = new HashMap<>();
			Object[] ids = new Object[end - start];
			for (int i = start; i < end; i++) {
				positions.put(moved.customerId(i), i);
				ids[i - start] = moved.customerId(i);
			}
			this.jdbc.query("select id, owner_id from customers where id = any(:ids)",
					new MapSqlParameterSource("ids", new SqlArrayValue("bigint", ids)), (ResultSet rs) -> {
						int i = positions.get(rs.getLong(1));
						kept.add(new Downgrade(moved.customerId(i), rs.getObject(2, Long.class), moved.fromTier(i),
								moved.toTier(i), moved.fromRank(i), moved.abcValue(i)));
					});
		}
		this.jdbc.batchUpdate(
				"insert into run_downgrades (run_id, customer_id, owner_id, from_tier, to_tier,"
						+ " from_rank, abc_value) values (:run, :customer, :owner, :from, :to, :rank, :abc)",
				kept.list()
					.stream()
					.map((d) -> new MapSqlParameterSource("run", runId).addValue("customer", d.customerId())
						.addValue("owner", d.ownerId())
						.addValue("from", d.fromTier())
						.addValue("to", d.toTier())
						.addValue("rank", d.fromRank())
						.addValue("abc", d.abcValue()))
					.toArray(MapSqlParameterSource[]::new));
	}

	private static MapSqlParameterSource row(long runId, String dimension, GroupStats stats) {
		return new MapSqlParameterSource().addValue("run", runId)
			.addValue("dimension", dimension)
			.addValue("code", stats.code())
			.addValue("customers", stats.customers())
			.addValue("revenue", stats.revenue())
			.addValue("profit", stats.profit())
			.addValue("clv", stats.clvPredictedSum())
			.addValue("buyers", stats.buyers())
			.addValue("repeatBuyers", stats.repeatBuyers())
			.addValue("satisfactionSum", stats.satisfactionSum())
			.addValue("satisfactionCount", stats.satisfactionCount());
	}

	/**
	 * Finds a customer's position among the segmentation's customers: by binary search
	 * when they are sorted by id, as the facts reader returns them.
	 */
	static final class CustomerIndex {

		private final long[] ids;

		private final @Nullable Map<Long, Integer> unsorted;

		CustomerIndex(long[] ids) {
			this.ids = ids;
			boolean sorted = true;
			for (int i = 1; i < ids.length && sorted; i++) {
				sorted = ids[i - 1] < ids[i];
			}
			if (sorted) {
				this.unsorted = null;
			}
			else {
				Map<Long, Integer> positions = new HashMap<>();
				for (int i = 0; i < ids.length; i++) {
					positions.put(ids[i], i);
				}
				this.unsorted = positions;
			}
		}

		int of(long customerId) {
			if (this.unsorted != null) {
				return this.unsorted.getOrDefault(customerId, -1);
			}
			return Math.max(-1, Arrays.binarySearch(this.ids, customerId));
		}

	}

}
