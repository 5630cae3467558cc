package com.tiercrm.tiering.run;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import com.tiercrm.tiering.insight.GroupStats;
import com.tiercrm.tiering.insight.RunDashboard;

/**
 * The figures of a run or a preview, computed in one pass over what it holds in memory:
 * per tier and RFM segment the customers and their money, the RFM heat map, the Lorenz
 * curve, and what changed since the previous run. Plain Java; the run writes these into
 * its small aggregate tables, the preview shows them.
 */
final class RunFigures {

	static final int LORENZ_POINTS = 100;

	private final Map<String, GroupStats> tiers;

	private final Map<String, GroupStats> segments;

	private final List<RunDashboard.RfmCell> cells;

	private final List<LorenzCurve.Point> lorenz;

	private final GroupStats total;

	private final @Nullable RunChanges changes;

	private RunFigures(Map<String, GroupStats> tiers, Map<String, GroupStats> segments,
			List<RunDashboard.RfmCell> cells, List<LorenzCurve.Point> lorenz, GroupStats total,
			@Nullable RunChanges changes) {
		this.tiers = tiers;
		this.segments = segments;
		this.cells = cells;
		this.lorenz = lorenz;
		this.total = total;
		this.changes = changes;
	}

	/**
	 * Computes the figures.
	 * @param segmentation every customer's results
	 * @param satisfaction the customers' satisfaction scores, in the segmentation's order
	 * @param changes what changed since the previous run, {@code null} if there was none
	 */
	static RunFigures of(Segmentation segmentation, Satisfaction satisfaction, @Nullable RunChanges changes) {
		Map<String, Sum> tiers = new LinkedHashMap<>();
		Map<String, Sum> segments = new LinkedHashMap<>();
		// R and F score together: the heat map.
		Map<Integer, Sum> cells = new TreeMap<>();
		Sum total = new Sum();
		RfmResults rfm = segmentation.rfm();
		Money money = new Money(segmentation.totalRevenue, segmentation.totalGrossProfit, segmentation.clv().predicted,
				rfm.frequency);
		for (int i = 0; i < segmentation.size(); i++) {
			tiers.computeIfAbsent(segmentation.tiers[i], (code) -> new Sum()).add(money, satisfaction, i);
			segments.computeIfAbsent(rfm.segment(i).name(), (code) -> new Sum()).add(money, satisfaction, i);
			cells.computeIfAbsent(rfm.recencyScore[i] * 100 + rfm.frequencyScore[i], (key) -> new Sum())
				.add(money, satisfaction, i);
			total.add(money, satisfaction, i);
		}
		// The heat map counts buyers; customers who never bought have no revenue.
		List<RunDashboard.RfmCell> heat = cells.entrySet()
			.stream()
			.filter((cell) -> cell.getValue().buyers > 0)
			.map((cell) -> new RunDashboard.RfmCell(cell.getKey() / 100, cell.getKey() % 100, cell.getValue().buyers,
					cell.getValue().revenue))
			.toList();
		return new RunFigures(stats(tiers), stats(segments), heat, lorenz(segmentation, total), total.stats(""),
				changes);
	}

	/**
	 * The customers' revenue, largest first, folded into the curve.
	 */
	private static List<LorenzCurve.Point> lorenz(Segmentation segmentation, Sum total) {
		double[] revenue = segmentation.totalRevenue.clone();
		Arrays.sort(revenue);
		LorenzCurve curve = new LorenzCurve(LORENZ_POINTS, total.customers, total.revenue);
		for (int i = revenue.length - 1; i >= 0; i--) {
			curve.add(revenue[i]);
		}
		return curve.points();
	}

	private static Map<String, GroupStats> stats(Map<String, Sum> sums) {
		Map<String, GroupStats> stats = new LinkedHashMap<>();
		sums.forEach((code, sum) -> stats.put(code, sum.stats(code)));
		return stats;
	}

	/** Per tier code. */
	Map<String, GroupStats> tiers() {
		return this.tiers;
	}

	/** Per RFM segment. */
	Map<String, GroupStats> segments() {
		return this.segments;
	}

	/** The heat map's cells with buyers, by R then F score. */
	List<RunDashboard.RfmCell> cells() {
		return this.cells;
	}

	List<LorenzCurve.Point> lorenz() {
		return this.lorenz;
	}

	GroupStats total() {
		return this.total;
	}

	@Nullable RunChanges changes() {
		return this.changes;
	}

	/**
	 * Each tier's share of the total revenue, 0 to 1 (0 when the total is not positive).
	 */
	Map<String, Double> revenueShares() {
		Map<String, Double> shares = new LinkedHashMap<>();
		double sum = this.total.revenue();
		this.tiers.forEach((tier, stats) -> shares.put(tier, (sum > 0) ? stats.revenue() / sum : 0));
		return shares;
	}

	/**
	 * The customers' satisfaction scores to the as-of date, in the order of the
	 * segmentation's customers.
	 *
	 * @param sums the sum of each customer's scores
	 * @param counts how many scored interactions each had
	 */
	record Satisfaction(double[] sums, int[] counts) {

		static Satisfaction none(int customers) {
			return new Satisfaction(new double[customers], new int[customers]);
		}

	}

	/** The columns the sums add up, per customer. */
	private record Money(double[] revenue, double[] profit, double[] clv, int[] frequency) {

	}

	private static final class Sum {

		long customers;

		double revenue;

		double profit;

		double clv;

		long buyers;

		long repeatBuyers;

		double satisfactionSum;

		long satisfactionCount;

		void add(Money s, Satisfaction satisfaction, int i) {
			this.customers++;
			this.revenue += s.revenue()[i];
			this.profit += s.profit()[i];
			this.clv += s.clv()[i];
			this.buyers += (s.frequency()[i] >= 1) ? 1 : 0;
			this.repeatBuyers += (s.frequency()[i] >= 2) ? 1 : 0;
			this.satisfactionSum += satisfaction.sums()[i];
			this.satisfactionCount += satisfaction.counts()[i];
		}

		GroupStats stats(String code) {
			return new GroupStats(code, this.customers, this.revenue, this.profit, this.clv, this.buyers,
					this.repeatBuyers, this.satisfactionSum, this.satisfactionCount);
		}

	}

}
