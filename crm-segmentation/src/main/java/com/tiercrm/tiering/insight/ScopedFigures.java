package com.tiercrm.tiering.insight;

import java.util.ArrayList;
import java.util.Arrays;
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
		String previous = (previousRunId != null)
				? " left join customer_segments p on p.run_id = :previous and p.customer_id = c.id" : "";
		// One pass over the scope's rows: the lookups of each customer's rows in the two
		// runs are the cost, the few columns read per customer are not.
		Revenues revenues = new Revenues();
		jdbc.query("select s.tier, s.rfm_segment, s.r_score, s.f_score, "
				+ ((previousRunId != null) ? "p.tier" : "cast(null as varchar(40))") + " as previous_tier,"
				+ " coalesce(s.revenue, s.monetary) as revenue, coalesce(s.gross_profit, 0) as profit,"
				+ " s.clv_predicted, s.frequency from customers c"
				+ " join customer_segments s on s.run_id = :run and s.customer_id = c.id" + previous + " where "
				+ scope.ownerCondition("c.owner_id"), params, (RowCallbackHandler) (rs) -> {
					double revenue = rs.getDouble("revenue");
					int frequency = rs.getInt("frequency");
					Sum sum = new Sum(1, revenue, rs.getDouble("profit"), rs.getDouble("clv_predicted"),
							(frequency >= 1) ? 1 : 0, (frequency >= 2) ? 1 : 0, (frequency >= 1) ? revenue : 0);
					String tier = rs.getString("tier");
					figures.tiers.computeIfAbsent(tier, (code) -> Sum.zero()).add(sum);
					figures.segments.computeIfAbsent(rs.getString("rfm_segment"), (code) -> Sum.zero()).add(sum);
					figures.cells
						.computeIfAbsent(rs.getInt("r_score") * 100 + rs.getInt("f_score"), (key) -> Sum.zero())
						.add(sum);
					if (previousRunId != null) {
						String from = rs.getString("previous_tier");
						figures.migration.computeIfAbsent((from != null) ? from : NEW, (code) -> new TreeMap<>())
							.merge(tier, 1L, Long::sum);
					}
					revenues.add(revenue);
				});
		figures.lorenz.addAll(revenues.lorenz());
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

	/**
	 * The customers' revenue, folded into the Lorenz curve as the run folds the
	 * company's: largest first, {@value #LORENZ_POINTS} points from (0, 0).
	 */
	static final class Revenues {

		private double[] values = new double[1024];

		private int size;

		void add(double revenue) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = revenue;
		}

		List<RunDashboard.LorenzPoint> lorenz() {
			double[] sorted = Arrays.copyOf(this.values, this.size);
			Arrays.sort(sorted);
			double total = 0;
			for (double value : sorted) {
				total += value;
			}
			List<RunDashboard.LorenzPoint> points = new ArrayList<>();
			points.add(new RunDashboard.LorenzPoint(0, 0));
			int lastPoint = 0;
			double cumulative = 0;
			for (int rank = 1; rank <= this.size; rank++) {
				cumulative += sorted[this.size - rank];
				int point = (int) Math.ceil((double) LORENZ_POINTS * rank / this.size);
				RunDashboard.LorenzPoint reached = new RunDashboard.LorenzPoint((double) rank / this.size,
						(total > 0) ? Math.max(0, cumulative / total) : 0);
				if (point == lastPoint) {
					RunDashboard.LorenzPoint last = points.removeLast();
					reached = new RunDashboard.LorenzPoint(Math.max(last.customerShare(), reached.customerShare()),
							Math.max(last.revenueShare(), reached.revenueShare()));
				}
				points.add(reached);
				lastPoint = point;
			}
			return points;
		}

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
