package com.tiercrm.tiering.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.tiercrm.account.AccessScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A run's dashboard figures over the customers a rep or a manager's teams own now,
 * aggregated in SQL from the run's rows: one grouped pass by tier, RFM segment, recency
 * and frequency score and previous tier, rolled up here into the tiers, segments, heat
 * map and migration; one more for the Lorenz curve. The stored company aggregates cannot
 * be split by owner, and owners change between runs.
 * <p>
 * Satisfaction is not part of the run's rows; the scoped figures leave it out.
 */
final class ScopedFigures {

	private static final int LORENZ_POINTS = 100;

	private static final String NEW = "NEW";

	final Map<String, Sum> tiers = new LinkedHashMap<>();

	final Map<String, Sum> segments = new LinkedHashMap<>();

	final Map<Integer, Sum> cells = new TreeMap<>();

	final Map<String, Map<String, Long>> migration = new TreeMap<>();

	final List<RunDashboard.LorenzPoint> lorenz = new ArrayList<>();

	private ScopedFigures() {
	}

	static ScopedFigures read(NamedParameterJdbcTemplate jdbc, long runId, @Nullable Long previousRunId,
			AccessScope scope) {
		ScopedFigures figures = new ScopedFigures();
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId)
			.addValue("previous", (previousRunId != null) ? previousRunId : -1L)
			.addValue("scopeUser", scope.userId());
		String rows = " from customers c join customer_segments s on s.run_id = :run and s.customer_id = c.id";
		String where = " where " + scope.ownerCondition("c.owner_id");
		String previous = (previousRunId != null)
				? " left join customer_segments p on p.run_id = :previous and p.customer_id = c.id" : "";
		jdbc.query("select s.tier, s.rfm_segment, s.r_score, s.f_score, "
				+ ((previousRunId != null) ? "p.tier" : "cast(null as varchar(40))") + " as previous_tier,"
				+ " count(*) as customers, sum(coalesce(s.revenue, s.monetary)) as revenue,"
				+ " sum(coalesce(s.gross_profit, 0)) as profit, sum(s.clv_predicted) as clv,"
				+ " sum(case when s.frequency >= 1 then 1 else 0 end) as buyers,"
				+ " sum(case when s.frequency >= 2 then 1 else 0 end) as repeat_buyers,"
				+ " sum(case when s.frequency >= 1 then coalesce(s.revenue, s.monetary) else 0 end) as buyer_revenue"
				+ rows + previous + where + " group by s.tier, s.rfm_segment, s.r_score, s.f_score"
				+ ((previousRunId != null) ? ", p.tier" : ""), params, (RowCallbackHandler) (rs) -> {
					Sum sum = new Sum(rs.getLong("customers"), rs.getDouble("revenue"), rs.getDouble("profit"),
							rs.getDouble("clv"), rs.getLong("buyers"), rs.getLong("repeat_buyers"),
							rs.getDouble("buyer_revenue"));
					String tier = rs.getString("tier");
					figures.tiers.computeIfAbsent(tier, (code) -> Sum.zero()).add(sum);
					figures.segments.computeIfAbsent(rs.getString("rfm_segment"), (code) -> Sum.zero()).add(sum);
					figures.cells
						.computeIfAbsent(rs.getInt("r_score") * 100 + rs.getInt("f_score"), (key) -> Sum.zero())
						.add(sum);
					if (previousRunId != null) {
						String from = rs.getString("previous_tier");
						figures.migration.computeIfAbsent((from != null) ? from : NEW, (code) -> new TreeMap<>())
							.merge(tier, sum.customers, Long::sum);
					}
				});
		long total = figures.tiers.values().stream().mapToLong((sum) -> sum.customers).sum();
		double revenue = figures.tiers.values().stream().mapToDouble((sum) -> sum.revenue).sum();
		figures.lorenz.add(new RunDashboard.LorenzPoint(0, 0));
		long[] cumulativeCustomers = { 0 };
		double[] cumulativeRevenue = { 0 };
		jdbc.query("select b, count(*), sum(r) from (select coalesce(s.revenue, s.monetary) as r," + " ntile("
				+ LORENZ_POINTS + ") over (order by coalesce(s.revenue, s.monetary) desc) as b" + rows + where
				+ ") x group by b order by b", params, (RowCallbackHandler) (rs) -> {
					cumulativeCustomers[0] += rs.getLong(2);
					cumulativeRevenue[0] += rs.getDouble(3);
					figures.lorenz.add(new RunDashboard.LorenzPoint((double) cumulativeCustomers[0] / total,
							(revenue > 0) ? Math.max(0, cumulativeRevenue[0] / revenue) : 0));
				});
		return figures;
	}

	List<GroupStats> stats(Map<String, Sum> sums, List<String> order) {
		List<GroupStats> stats = new ArrayList<>();
		order.stream().filter(sums::containsKey).forEach((code) -> stats.add(sums.get(code).stats(code)));
		sums.forEach((code, sum) -> {
			if (!order.contains(code)) {
				stats.add(sum.stats(code));
			}
		});
		return stats;
	}

	/** The heat map's cells with buyers, recency 5 first. */
	List<RunDashboard.RfmCell> heat() {
		List<RunDashboard.RfmCell> heat = new ArrayList<>();
		this.cells.forEach((key, sum) -> {
			if (sum.buyers > 0) {
				heat.add(new RunDashboard.RfmCell(key / 100, key % 100, sum.buyers, sum.buyerRevenue));
			}
		});
		return heat.reversed();
	}

	List<RunDashboard.MigrationCell> migrationCells() {
		List<RunDashboard.MigrationCell> cells = new ArrayList<>();
		this.migration.forEach((from, row) -> row
			.forEach((to, customers) -> cells.add(new RunDashboard.MigrationCell(from, to, customers))));
		return cells;
	}

	/** Customers and money of one group. */
	static final class Sum {

		long customers;

		double revenue;

		double profit;

		double clv;

		long buyers;

		long repeatBuyers;

		double buyerRevenue;

		Sum(long customers, double revenue, double profit, double clv, long buyers, long repeatBuyers,
				double buyerRevenue) {
			this.customers = customers;
			this.revenue = revenue;
			this.profit = profit;
			this.clv = clv;
			this.buyers = buyers;
			this.repeatBuyers = repeatBuyers;
			this.buyerRevenue = buyerRevenue;
		}

		static Sum zero() {
			return new Sum(0, 0, 0, 0, 0, 0, 0);
		}

		void add(Sum other) {
			this.customers += other.customers;
			this.revenue += other.revenue;
			this.profit += other.profit;
			this.clv += other.clv;
			this.buyers += other.buyers;
			this.repeatBuyers += other.repeatBuyers;
			this.buyerRevenue += other.buyerRevenue;
		}

		GroupStats stats(String code) {
			return new GroupStats(code, this.customers, this.revenue, this.profit, this.clv, this.buyers,
					this.repeatBuyers, 0, 0);
		}

	}

}
