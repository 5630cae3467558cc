package com.tiercrm.tiering.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

import com.tiercrm.account.AccessScope;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A run's dashboard figures over the customers a rep or a manager's teams own now: added
 * up from the owners' stored figures ({@link #stored}) or, for a run without them,
 * aggregated from the run's rows: one grouped pass by tier, RFM segment, recency and
 * frequency score and previous tier, rolled up here into the tiers, segments, heat map
 * and migration; one more for the Lorenz curve. The stored company aggregates cannot be
 * split by owner, and owners change between runs.
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
					figures.add(tier, rs.getString("rfm_segment"), rs.getInt("r_score"), rs.getInt("f_score"), sum);
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

	/**
	 * The same figures added up from the owners' stored ones ({@link OwnerFigures}); null
	 * when the run's per-owner figures were not stored.
	 */
	static @Nullable ScopedFigures stored(NamedParameterJdbcTemplate jdbc, long runId, @Nullable Long previousRunId,
			AccessScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId).addValue("scopeUser", scope.userId());
		Integer stored = jdbc.queryForObject("select count(*) from owner_figure_runs where run_id = :run", params,
				Integer.class);
		if (stored == null || stored == 0) {
			return null;
		}
		ScopedFigures figures = new ScopedFigures();
		String owners = scope.ownerCondition("f.owner_id");
		jdbc.query("select tier, rfm_segment, r_score, f_score, previous_tier, sum(customers) as customers,"
				+ " sum(revenue) as revenue, sum(profit) as profit, sum(clv_predicted) as clv,"
				+ " sum(buyers) as buyers, sum(repeat_buyers) as repeat_buyers, sum(buyer_revenue) as buyer_revenue"
				+ " from owner_figures f where f.run_id = :run and " + owners
				+ " group by tier, rfm_segment, r_score, f_score, previous_tier", params, (RowCallbackHandler) (rs) -> {
					long customers = rs.getLong("customers");
					String tier = rs.getString("tier");
					figures.add(tier, rs.getString("rfm_segment"), rs.getInt("r_score"), rs.getInt("f_score"),
							new Sum(customers, rs.getDouble("revenue"), rs.getDouble("profit"), rs.getDouble("clv"),
									rs.getLong("buyers"), rs.getLong("repeat_buyers"), rs.getDouble("buyer_revenue")));
					if (previousRunId != null) {
						String from = rs.getString("previous_tier");
						figures.migration.computeIfAbsent((from != null) ? from : NEW, (code) -> new TreeMap<>())
							.merge(tier, customers, Long::sum);
					}
				});
		Revenues revenues = new Revenues();
		long[] owner = { Long.MIN_VALUE };
		jdbc.query("select owner_id, customers, revenue from owner_revenue_bands f where f.run_id = :run and " + owners
				+ " order by owner_id, band_no", params, (RowCallbackHandler) (rs) -> {
					long id = rs.getLong(1);
					revenues.addBand(id != owner[0], rs.getLong(2), rs.getDouble(3));
					owner[0] = id;
				});
		figures.lorenz.addAll(revenues.lorenz());
		return figures;
	}

	private void add(String tier, String segment, int recencyScore, int frequencyScore, Sum sum) {
		this.tiers.computeIfAbsent(tier, (code) -> Sum.zero()).add(sum);
		this.segments.computeIfAbsent(segment, (code) -> Sum.zero()).add(sum);
		this.cells.computeIfAbsent(recencyScore * 100 + frequencyScore, (key) -> Sum.zero()).add(sum);
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
	 * company's: largest first, {@value #LORENZ_POINTS} points from (0, 0). Revenue comes
	 * per customer or in each owner's bands, in the owner's order (see
	 * {@link OwnerFigures}); several owners' bands are merged by their mean, which is
	 * exact for one owner and close for a team.
	 */
	static final class Revenues {

		private double[] values = new double[1024];

		private long[] counts = new long[1024];

		private int size;

		private long customers;

		/** Where each owner's bands start, when they came in bands. */
		private final List<Integer> owners = new ArrayList<>();

		void add(double revenue) {
			append(revenue, 1);
		}

		/**
		 * The next band of an owner's customers, largest first; a band of another owner
		 * starts that owner's.
		 */
		void addBand(boolean firstOfOwner, long customers, double revenue) {
			if (firstOfOwner) {
				this.owners.add(this.size);
			}
			append(revenue, customers);
		}

		private void append(double revenue, long customers) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
				this.counts = Arrays.copyOf(this.counts, this.size * 2);
			}
			this.values[this.size] = revenue;
			this.counts[this.size++] = customers;
			this.customers += customers;
		}

		List<RunDashboard.LorenzPoint> lorenz() {
			int[] order = this.owners.isEmpty() ? largestFirst() : mergedBands();
			double total = 0;
			for (int i = 0; i < this.size; i++) {
				total += this.values[i];
			}
			List<RunDashboard.LorenzPoint> points = new ArrayList<>();
			points.add(new RunDashboard.LorenzPoint(0, 0));
			long lastPoint = 0;
			long rank = 0;
			double cumulative = 0;
			for (int i : order) {
				cumulative += this.values[i];
				rank += this.counts[i];
				long point = (LORENZ_POINTS * rank + this.customers - 1) / this.customers;
				RunDashboard.LorenzPoint reached = new RunDashboard.LorenzPoint((double) rank / this.customers,
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

		/** Single customers by revenue, largest first. */
		private int[] largestFirst() {
			double[] sorted = Arrays.copyOf(this.values, this.size);
			Arrays.sort(sorted);
			int[] order = new int[this.size];
			for (int i = 0; i < this.size; i++) {
				this.values[i] = sorted[this.size - 1 - i];
				order[i] = i;
			}
			return order;
		}

		/**
		 * Each owner's bands in their order, merged by the mean revenue of each owner's
		 * next band.
		 */
		private int[] mergedBands() {
			int owners = this.owners.size();
			int[] next = new int[owners];
			int[] ends = new int[owners];
			for (int o = 0; o < owners; o++) {
				next[o] = this.owners.get(o);
				ends[o] = (o + 1 < owners) ? this.owners.get(o + 1) : this.size;
			}
			PriorityQueue<Integer> heads = new PriorityQueue<>(
					Comparator.comparingDouble((Integer o) -> -this.values[next[o]] / this.counts[next[o]])
						.thenComparingInt((o) -> o));
			for (int o = 0; o < owners; o++) {
				if (next[o] < ends[o]) {
					heads.add(o);
				}
			}
			int[] order = new int[this.size];
			int taken = 0;
			while (!heads.isEmpty()) {
				int o = heads.poll();
				order[taken++] = next[o]++;
				if (next[o] < ends[o]) {
					heads.add(o);
				}
			}
			return order;
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
