package com.tiercrm.tiering;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Computes a run's aggregates in the database from its per-customer rows, the orders and
 * the interactions: per tier and RFM segment, the Lorenz curve, the RFM heat map, and
 * against the previous run the migration, each tier's churn cohort and each owner's most
 * valuable downgrades. What the run counted in memory is stored as it is; only the owners
 * of the customers it found moved down come back to Java. Runs inside the caller's
 * transaction.
 */
@Component
class RunAggregator {

	private static final int LORENZ_POINTS = 100;

	private static final String WORK_MEM = "256MB";

	/**
	 * Downgraded customers whose owners are read per query: few enough for the planner to
	 * look them up by key rather than scan a whole run.
	 */
	private static final int OWNER_CHUNK = 10_000;

	private final NamedParameterJdbcTemplate jdbc;

	private final SegmentationProperties segmentation;

	private final DashboardProperties properties;

	RunAggregator(NamedParameterJdbcTemplate jdbc, SegmentationProperties segmentation,
			DashboardProperties properties) {
		this.jdbc = jdbc;
		this.segmentation = segmentation;
		this.properties = properties;
	}

	boolean exists(long runId) {
		Integer count = this.jdbc.queryForObject("select count(*) from run_aggregates where run_id = :run",
				Map.of("run", runId), Integer.class);
		return count != null && count > 0;
	}

	/**
	 * Computes and stores the aggregates of a run whose per-customer rows are written,
	 * replacing any earlier ones.
	 * @param profitStored whether the run's rows hold the gross profit; if not, it is
	 * summed from the orders
	 * @return the milliseconds it took
	 */
	long compute(long runId, boolean profitStored) {
		return compute(runId, profitStored, null);
	}

	/**
	 * Computes and stores the aggregates of a run, taking the migration matrix, the churn
	 * cohorts and the downgraded customers as counted by the run itself when it compared
	 * itself with the same previous run.
	 * @param known what the run counted in memory, or {@code null}
	 * @return the milliseconds it took
	 */
	synchronized long compute(long runId, boolean profitStored, @Nullable RunChanges known) {
		long started = System.nanoTime();
		preparePostgres();
		LocalDate asOf = this.jdbc.queryForObject("select as_of from segmentation_runs where id = :run",
				Map.of("run", runId), LocalDate.class);
		if (asOf == null) {
			throw new IllegalArgumentException("No run " + runId);
		}
		Instant end = asOf.plusDays(1).atStartOfDay(this.segmentation.zone()).toInstant();
		Long previous = this.jdbc.queryForObject(
				"select max(id) from segmentation_runs where status = 'SUCCEEDED' and id < :run", Map.of("run", runId),
				Long.class);
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("run", runId)
			.addValue("previous", previous)
			.addValue("end", Timestamp.from(end))
			.addValue("threshold", this.properties.churnThreshold())
			.addValue("perOwner", this.properties.downgradesPerOwner());
		for (String table : List.of("run_group_stats", "run_lorenz_points", "run_rfm_cells", "run_migration_cells",
				"run_churn_cohorts", "run_downgrades", "run_aggregates")) {
			this.jdbc.update("delete from " + table + " where run_id = :run", params);
		}
		GroupStats total = groupStats(params, profitStored);
		storeLorenz(runId, total);
		String lowestTier = null;
		if (previous != null) {
			RunChanges changes = (known != null && known.fromRunId() == previous) ? known : null;
			storeMigration(params, (changes != null) ? changes.migration() : migration(params));
			ChurnRule rule = (changes != null) ? changes.churnRule() : churnRule(runId);
			storeCohorts(params, (changes != null) ? changes.cohorts() : churnCohorts(params, rule));
			lowestTier = rule.lowestTier();
			if (changes != null) {
				downgrades(params, changes.movedDown());
			}
			else {
				downgrades(params);
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		params.addValue("computedAt", Timestamp.from(Instant.now()))
			.addValue("millis", millis)
			.addValue("lowestTier", lowestTier);
		this.jdbc.update("insert into run_aggregates (run_id, previous_run_id, churn_threshold, churn_lowest_tier,"
				+ " computed_at, compute_millis) values (:run, :previous, :threshold, :lowestTier, :computedAt, :millis)",
				params);
		return millis;
	}

	/**
	 * Folds the customers' revenue into the Lorenz curve in Java, streamed from the run's
	 * rows: the totals come from the group pass, and H2 spent most of a run on the window
	 * sums and exact-decimal divisions this was in SQL.
	 */
	private void storeLorenz(long runId, GroupStats total) {
		LorenzCurve curve = new LorenzCurve(LORENZ_POINTS, total.customers(), total.revenue());
		this.jdbc.getJdbcOperations().query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"select monetary from customer_segments" + " where run_id = ? order by monetary desc, customer_id");
			statement.setLong(1, runId);
			statement.setFetchSize(10_000);
			return statement;
		}, (ResultSet rs) -> curve.add(rs.getDouble(1)));
		this.jdbc.getJdbcOperations()
			.batchUpdate(
					"insert into run_lorenz_points (run_id, point_no, customer_share, revenue_share)"
							+ " values (?, ?, ?, ?)",
					curve.points()
						.stream()
						.map((point) -> new Object[] { runId, point.pointNo(), point.customerShare(),
								point.revenueShare() })
						.toList());
	}

	/**
	 * Counts the churn cohorts of a run whose aggregates were computed before they were
	 * counted, as long as both runs' per-customer rows are kept.
	 * @return whether they could be counted
	 */
	synchronized boolean countMissingChurn(long runId) {
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId);
		List<MapSqlParameterSource> missing = this.jdbc.query(
				"select previous_run_id, churn_threshold from run_aggregates where run_id = :run"
						+ " and previous_run_id is not null and churn_lowest_tier is null",
				params, (rs, row) -> new MapSqlParameterSource().addValue("previous", rs.getLong(1))
					.addValue("threshold", rs.getDouble(2)));
		if (missing.isEmpty() || !hasRows(runId) || !hasRows((Long) missing.get(0).getValue("previous"))) {
			return false;
		}
		preparePostgres();
		params.addValues(missing.get(0).getValues());
		// The threshold the run's other aggregates used.
		ChurnRule rule = churnRule(runId, (Double) params.getValue("threshold"));
		this.jdbc.update("delete from run_churn_cohorts where run_id = :run", params);
		storeCohorts(params, churnCohorts(params, rule));
		this.jdbc.update("update run_aggregates set churn_lowest_tier = :lowestTier where run_id = :run",
				params.addValue("lowestTier", rule.lowestTier()));
		return true;
	}

	private boolean hasRows(long runId) {
		Integer rows = this.jdbc.queryForObject(
				"select count(*) from (select 1 from customer_segments where run_id = :run limit 1) one_row",
				Map.of("run", runId), Integer.class);
		return rows != null && rows > 0;
	}

	/**
	 * One pass groups by tier, RFM segment and the R and F scores together; the tiers,
	 * the segments and the heat map are summed from those few hundred rows.
	 * @return the totals over all customers
	 */
	private GroupStats groupStats(MapSqlParameterSource params, boolean profitStored) {
		Map<String, GroupStats> tiers = new LinkedHashMap<>();
		Map<String, GroupStats> segments = new LinkedHashMap<>();
		Map<List<Integer>, GroupStats> cells = new LinkedHashMap<>();
		String profit = profitStored ? "s.gross_profit" : "o.profit";
		String orders = profitStored ? ""
				: " left join (select customer_id, sum(gross_profit) as profit from sales_orders"
						+ " where status = 'COMPLETED' and ordered_at < :end group by customer_id) o"
						+ " on o.customer_id = s.customer_id";
		this.jdbc
			.query("select s.tier, s.rfm_segment, s.r_score, s.f_score, count(*), coalesce(sum(coalesce(s.revenue, s.monetary)), 0),"
					+ " coalesce(sum(" + profit + "), 0), coalesce(sum(s.clv_predicted), 0),"
					+ " sum(case when s.frequency >= 1 then 1 else 0 end), sum(case when s.frequency >= 2 then 1 else 0 end),"
					+ " coalesce(sum(i.satisfaction_sum), 0), coalesce(sum(i.satisfaction_count), 0)"
					+ " from customer_segments s" + orders
					+ " left join (select customer_id, sum(satisfaction) as satisfaction_sum,"
					+ " count(satisfaction) as satisfaction_count from interactions"
					+ " where satisfaction is not null and occurred_at < :end group by customer_id) i"
					+ " on i.customer_id = s.customer_id where s.run_id = :run"
					+ " group by s.tier, s.rfm_segment, s.r_score, s.f_score", params, (java.sql.ResultSet rs) -> {
						GroupStats row = new GroupStats("", rs.getLong(5), rs.getDouble(6), rs.getDouble(7),
								rs.getDouble(8), rs.getLong(9), rs.getLong(10), rs.getDouble(11), rs.getLong(12));
						tiers.merge(rs.getString(1), row, RunAggregator::plus);
						segments.merge(rs.getString(2), row, RunAggregator::plus);
						cells.merge(List.of(rs.getInt(3), rs.getInt(4)), row, RunAggregator::plus);
					});
		List<MapSqlParameterSource> rows = new ArrayList<>();
		tiers.forEach((code, stats) -> rows.add(row(params, "TIER", code, stats)));
		segments.forEach((code, stats) -> rows.add(row(params, "RFM", code, stats)));
		this.jdbc.batchUpdate("insert into run_group_stats (run_id, dimension, group_code, customers, revenue, profit,"
				+ " clv_predicted_sum, buyers, repeat_buyers, satisfaction_sum, satisfaction_count)"
				+ " values (:run, :dimension, :code, :customers, :revenue, :profit, :clv, :buyers, :repeatBuyers,"
				+ " :satisfactionSum, :satisfactionCount)", rows.toArray(MapSqlParameterSource[]::new));
		// The heat map counts buyers; customers who never bought have no revenue.
		List<MapSqlParameterSource> heat = new ArrayList<>();
		cells.forEach((scores, stats) -> {
			if (stats.buyers() > 0) {
				heat.add(new MapSqlParameterSource("run", params.getValue("run")).addValue("r", scores.get(0))
					.addValue("f", scores.get(1))
					.addValue("customers", stats.buyers())
					.addValue("monetary", stats.revenue()));
			}
		});
		this.jdbc.batchUpdate("insert into run_rfm_cells (run_id, r_score, f_score, customers, monetary_sum)"
				+ " values (:run, :r, :f, :customers, :monetary)", heat.toArray(MapSqlParameterSource[]::new));
		return tiers.values().stream().reduce(new GroupStats("", 0, 0, 0, 0, 0, 0, 0, 0), RunAggregator::plus);
	}

	private Map<String, Map<String, Long>> migration(MapSqlParameterSource params) {
		// From the current run's side: every customer once, NEW where the previous run
		// did not have them. No FULL OUTER JOIN: H2 lacks it.
		Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
		this.jdbc.query(
				"select coalesce(a.tier, 'NEW'), b.tier, count(*) from customer_segments b"
						+ " left join customer_segments a on a.customer_id = b.customer_id and a.run_id = :previous"
						+ " where b.run_id = :run group by coalesce(a.tier, 'NEW'), b.tier",
				params, (java.sql.ResultSet rs) -> {
					matrix.computeIfAbsent(rs.getString(1), (k) -> new LinkedHashMap<>())
						.put(rs.getString(2), rs.getLong(3));
				});
		// The customers of the previous run who are gone: its tier counts less those
		// found in this run.
		this.jdbc.query("select tier, count(*) from customer_segments where run_id = :previous group by tier", params,
				(java.sql.ResultSet rs) -> {
					long found = matrix.getOrDefault(rs.getString(1), Map.of())
						.values()
						.stream()
						.mapToLong(Long::longValue)
						.sum();
					if (rs.getLong(2) > found) {
						matrix.computeIfAbsent(rs.getString(1), (k) -> new LinkedHashMap<>())
							.put("GONE", rs.getLong(2) - found);
					}
				});
		return matrix;
	}

	private void storeMigration(MapSqlParameterSource params, Map<String, Map<String, Long>> matrix) {
		List<MapSqlParameterSource> cells = new ArrayList<>();
		for (Map.Entry<String, Map<String, Long>> row : matrix.entrySet()) {
			for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
				cells.add(new MapSqlParameterSource("run", params.getValue("run")).addValue("from", row.getKey())
					.addValue("to", cell.getKey())
					.addValue("customers", cell.getValue()));
			}
		}
		this.jdbc.batchUpdate("insert into run_migration_cells (run_id, from_tier, to_tier, customers)"
				+ " values (:run, :from, :to, :customers)", cells.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * The churn rule of a run as it was made: its configuration's tier model and RFM
	 * scheme, and the tiers table's ranks.
	 */
	private ChurnRule churnRule(long runId) {
		return churnRule(runId, this.properties.churnThreshold());
	}

	private ChurnRule churnRule(long runId, double threshold) {
		String settings = this.jdbc.queryForObject(
				"select c.settings from segmentation_runs r"
						+ " join segmentation_configs c on c.id = r.config_id where r.id = :run",
				Map.of("run", runId), String.class);
		if (settings == null) {
			throw new IllegalArgumentException("No configuration for run " + runId);
		}
		return ChurnRule.of(SettingsJson.read(settings, SegmentationSettings.class),
				SegmentationRuns.tierRanks(this.jdbc.getJdbcOperations()), threshold);
	}

	/**
	 * {@link ChurnRule} in SQL: the previous run's customers per tier who are still in
	 * this run, and how many of them now have a probability of being alive below the
	 * threshold (NULL, unknown, is not) or sit in the lowest tier or no purchase of its
	 * model while they were in another tier of that model.
	 */
	private Map<String, ChurnCohort> churnCohorts(MapSqlParameterSource params, ChurnRule rule) {
		MapSqlParameterSource churn = new MapSqlParameterSource(params.getValues())
			.addValue("lowest", rule.lowestTier())
			.addValue("noPurchase", rule.noPurchaseTier())
			.addValue("model", rule.modelPrefix() + "%")
			.addValue("noCohort", ChurnRule.noPurchaseTiers());
		String dropped = "(b.tier in (:lowest, :noPurchase) and a.tier <> :lowest and a.tier like :model)";
		Map<String, ChurnCohort> cohorts = new LinkedHashMap<>();
		this.jdbc.query("select a.tier, count(*), sum(case when b.p_alive < :threshold then 1 else 0 end),"
				+ " sum(case when " + dropped + " then 1 else 0 end)," + " sum(case when b.p_alive < :threshold or "
				+ dropped + " then 1 else 0 end)"
				+ " from customer_segments a join customer_segments b on b.customer_id = a.customer_id"
				+ " and b.run_id = :run where a.run_id = :previous and a.tier not in (:noCohort) group by a.tier",
				churn, (java.sql.ResultSet rs) -> {
					cohorts.put(rs.getString(1),
							new ChurnCohort(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
				});
		return cohorts;
	}

	private void storeCohorts(MapSqlParameterSource params, Map<String, ChurnCohort> cohorts) {
		List<MapSqlParameterSource> rows = new ArrayList<>();
		cohorts.forEach((tier,
				cohort) -> rows.add(new MapSqlParameterSource("run", params.getValue("run")).addValue("tier", tier)
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
	 * Each owner's most valuable downgrades from the customers the run found moved down:
	 * only their owners and previous ABC values come from the database, a chunk of ids at
	 * a time, and each owner keeps a bounded queue. The same rows as
	 * {@link #downgrades(MapSqlParameterSource)}, which joins the two runs.
	 */
	private void downgrades(MapSqlParameterSource params, RunChanges.MovedDown moved) {
		int perOwner = this.properties.downgradesPerOwner();
		// HashMap: customers without an owner share the null key, as they share a
		// partition in SQL.
		Map<Long, PriorityQueue<Downgrade>> kept = new HashMap<>();
		for (int start = 0; start < moved.size() && perOwner > 0; start += OWNER_CHUNK) {
			int end = Math.min(moved.size(), start + OWNER_CHUNK);
			Map<Long, Integer> positions = new HashMap<>();
			Object[] ids = new Object[end - start];
			for (int i = start; i < end; i++) {
				positions.put(moved.customerId(i), i);
				ids[i - start] = moved.customerId(i);
			}
			MapSqlParameterSource chunk = new MapSqlParameterSource("previous", params.getValue("previous"))
				.addValue("ids", new SqlArrayValue("bigint", ids));
			this.jdbc.query(
					"select c.id, c.owner_id, s.abc_value from customers c join customer_segments s"
							+ " on s.customer_id = c.id and s.run_id = :previous where c.id = any(:ids)",
					chunk, (java.sql.ResultSet rs) -> {
						int i = positions.get(rs.getLong(1));
						Downgrade downgrade = new Downgrade(moved.customerId(i), rs.getObject(2, Long.class),
								moved.fromTier(i), moved.toTier(i), moved.fromRank(i), rs.getDouble(3));
						PriorityQueue<Downgrade> queue = kept.computeIfAbsent(downgrade.ownerId(),
								(owner) -> new PriorityQueue<>(Downgrade.BEST_FIRST.reversed()));
						queue.add(downgrade);
						if (queue.size() > perOwner) {
							queue.poll();
						}
					});
		}
		List<MapSqlParameterSource> rows = new ArrayList<>();
		kept.values()
			.forEach((queue) -> queue.forEach((d) -> rows
				.add(new MapSqlParameterSource("run", params.getValue("run")).addValue("customer", d.customerId())
					.addValue("owner", d.ownerId())
					.addValue("from", d.fromTier())
					.addValue("to", d.toTier())
					.addValue("rank", d.fromRank())
					.addValue("abc", d.abcValue()))));
		this.jdbc.batchUpdate(
				"insert into run_downgrades (run_id, customer_id, owner_id, from_tier, to_tier,"
						+ " from_rank, abc_value) values (:run, :customer, :owner, :from, :to, :rank, :abc)",
				rows.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * One downgraded customer who may be among the most valuable of their owner.
	 */
	private record Downgrade(long customerId, @Nullable Long ownerId, String fromTier, String toTier, int fromRank,
			double abcValue) {

		/**
		 * The order of the SQL's row_number: best previous tier, then the highest ABC
		 * value, then the lowest id. Values compare as SQL does, -0.0 equal to 0.0.
		 */
		static final Comparator<Downgrade> BEST_FIRST = (a, b) -> {
			if (a.fromRank != b.fromRank) {
				return Integer.compare(a.fromRank, b.fromRank);
			}
			if (a.abcValue != b.abcValue) {
				return (a.abcValue > b.abcValue) ? -1 : 1;
			}
			return Long.compare(a.customerId, b.customerId);
		};

	}

	/**
	 * Each owner's most valuable downgrades by joining the two runs' rows, for runs
	 * aggregated after the run itself.
	 */
	private void downgrades(MapSqlParameterSource params) {
		this.jdbc.update("insert into run_downgrades (run_id, customer_id, owner_id, from_tier, to_tier, from_rank,"
				+ " abc_value) select :run, customer_id, owner_id, from_tier, to_tier, from_rank, abc_value from ("
				+ "select a.customer_id, c.owner_id, a.tier as from_tier, b.tier as to_tier,"
				+ " ta.rank_order as from_rank, a.abc_value, row_number() over (partition by c.owner_id"
				+ " order by ta.rank_order, a.abc_value desc, a.customer_id) as position from customer_segments a"
				+ " join customer_segments b on b.customer_id = a.customer_id and b.run_id = :run"
				+ " join tiers ta on ta.code = a.tier join tiers tb on tb.code = b.tier"
				+ " join customers c on c.id = a.customer_id where a.run_id = :previous and ta.model = tb.model"
				+ " and tb.rank_order > ta.rank_order) ranked where position <= :perOwner", params);
	}

	/**
	 * The sorts and hashes over a million rows spill to disk with PostgreSQL's default
	 * work_mem (the setting lasts until the end of the transaction), and the planner
	 * needs statistics that know the rows the run has just written in this transaction,
	 * or it joins a million rows by index lookups.
	 */
	private void preparePostgres() {
		Boolean postgres = this.jdbc.getJdbcTemplate()
			.execute((ConnectionCallback<Boolean>) (connection) -> connection.isWrapperFor(PGConnection.class));
		if (Boolean.TRUE.equals(postgres)) {
			this.jdbc.getJdbcTemplate().execute("set local work_mem = '" + WORK_MEM + "'");
			this.jdbc.getJdbcTemplate().execute("analyze customer_segments");
		}
	}

	private static GroupStats plus(GroupStats a, GroupStats b) {
		return new GroupStats(a.code(), a.customers() + b.customers(), a.revenue() + b.revenue(),
				a.profit() + b.profit(), a.clvPredictedSum() + b.clvPredictedSum(), a.buyers() + b.buyers(),
				a.repeatBuyers() + b.repeatBuyers(), a.satisfactionSum() + b.satisfactionSum(),
				a.satisfactionCount() + b.satisfactionCount());
	}

	private static MapSqlParameterSource row(MapSqlParameterSource params, String dimension, String code,
			GroupStats stats) {
		return new MapSqlParameterSource().addValue("run", params.getValue("run"))
			.addValue("dimension", dimension)
			.addValue("code", code)
			.addValue("customers", stats.customers())
			.addValue("revenue", stats.revenue())
			.addValue("profit", stats.profit())
			.addValue("clv", stats.clvPredictedSum())
			.addValue("buyers", stats.buyers())
			.addValue("repeatBuyers", stats.repeatBuyers())
			.addValue("satisfactionSum", stats.satisfactionSum())
			.addValue("satisfactionCount", stats.satisfactionCount());
	}

}
