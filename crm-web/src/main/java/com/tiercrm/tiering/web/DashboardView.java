package com.tiercrm.tiering.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.tiercrm.tiering.insight.GroupStats;
import com.tiercrm.tiering.insight.RunDashboard;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.run.TierOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * The dashboard of one run shaped for the page: rows with shares and labels, the heat map
 * grid, the migration matrix and the data of the charts.
 *
 * @param dashboard the run's aggregates
 * @param tiers one row per tier
 * @param segments one row per RFM segment
 * @param heatRows the recency × frequency grid, recency 5 first
 * @param migrationFrom the previous run's tiers (rows of the matrix)
 * @param migrationTo the current run's tiers (columns of the matrix)
 * @param migration customers per row and column code
 * @param downgrades how many customers of the run moved to a lower tier, the matrix's
 * moves down; the dashboard lists only the most valuable of them
 * @param charts the charts' data, by chart name
 */
public record DashboardView(RunDashboard dashboard, List<GroupRow> tiers, List<GroupRow> segments,
		List<HeatRow> heatRows, List<Label> migrationFrom, List<Label> migrationTo,
		Map<String, Map<String, Long>> migration, long downgrades, Map<String, Object> charts) {

	static final int SCORES = 5;

	static final String NEW = "NEW";

	static final String GONE = "GONE";

	static DashboardView of(RunDashboard dashboard, TierLabels labels, TierOrder order, MessageSource messages,
			Locale locale) {
		Function<String, String> tierLabel = (code) -> switch (code) {
			case NEW -> messages.getMessage("dashboard.migration.new", null, locale);
			case GONE -> messages.getMessage("dashboard.migration.gone", null, locale);
			default -> labels.label(code, locale);
		};
		List<GroupRow> tiers = rows(dashboard.tiers(), dashboard, tierLabel);
		List<GroupRow> segments = rows(dashboard.segments(), dashboard, (code) -> labels.label("RFM:" + code, locale));
		return new DashboardView(dashboard, tiers, segments, heat(dashboard.rfmCells()),
				migrationCodes(dashboard, RunDashboard.MigrationCell::fromTier, tierLabel, tiers),
				migrationCodes(dashboard, RunDashboard.MigrationCell::toTier, tierLabel, tiers),
				migrationMatrix(dashboard), downgrades(dashboard, order),
				charts(dashboard, tiers, segments, messages, locale));
	}

	private static long downgrades(RunDashboard dashboard, TierOrder order) {
		return dashboard.migration()
			.stream()
			.filter((cell) -> order.isDowngrade(cell.fromTier(), cell.toTier()))
			.mapToLong(RunDashboard.MigrationCell::customers)
			.sum();
	}

	private static List<GroupRow> rows(List<GroupStats> groups, RunDashboard dashboard,
			Function<String, String> label) {
		long customers = dashboard.customers();
		double revenue = dashboard.revenue();
		double profit = dashboard.profit();
		return groups.stream()
			.map((g) -> new GroupRow(g.code(), label.apply(g.code()), g, share(g.customers(), customers),
					share(g.revenue(), revenue), share(g.profit(), profit), money(g.revenue()), money(g.profit()),
					money(g.averageClv())))
			.toList();
	}

	private static double share(double part, double whole) {
		return (whole != 0) ? part / whole : 0;
	}

	private static BigDecimal money(double amount) {
		return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
	}

	private static List<HeatRow> heat(List<RunDashboard.RfmCell> cells) {
		long max = cells.stream().mapToLong(RunDashboard.RfmCell::customers).max().orElse(0);
		List<HeatRow> rows = new ArrayList<>();
		for (int r = SCORES; r >= 1; r--) {
			List<HeatCell> row = new ArrayList<>();
			for (int f = 1; f <= SCORES; f++) {
				int recency = r;
				int frequency = f;
				RunDashboard.RfmCell cell = cells.stream()
					.filter((c) -> c.recencyScore() == recency && c.frequencyScore() == frequency)
					.findFirst()
					.orElse(new RunDashboard.RfmCell(recency, frequency, 0, 0));
				int level = (max > 0 && cell.customers() > 0) ? (int) Math.ceil(5.0 * cell.customers() / max) : 0;
				row.add(new HeatCell(frequency, cell.customers(), money(cell.averageMonetary()), level));
			}
			rows.add(new HeatRow(r, row));
		}
		return rows;
	}

	private static List<Label> migrationCodes(RunDashboard dashboard, Function<RunDashboard.MigrationCell, String> side,
			Function<String, String> label, List<GroupRow> tiers) {
		Set<String> codes = new LinkedHashSet<>();
		tiers.forEach((t) -> codes.add(t.code()));
		dashboard.migration().forEach((cell) -> codes.add(side.apply(cell)));
		List<String> ordered = new ArrayList<>(codes);
		// The special NEW (a row) or GONE (a column) goes last.
		ordered.sort(Comparator.comparing((String code) -> code.equals(NEW) || code.equals(GONE)));
		return ordered.stream().map((code) -> new Label(code, label.apply(code))).toList();
	}

	private static Map<String, Map<String, Long>> migrationMatrix(RunDashboard dashboard) {
		Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
		dashboard.migration()
			.forEach((cell) -> matrix.computeIfAbsent(cell.fromTier(), (k) -> new LinkedHashMap<>())
				.put(cell.toTier(), cell.customers()));
		return matrix;
	}

	private static Map<String, Object> charts(RunDashboard dashboard, List<GroupRow> tiers, List<GroupRow> segments,
			MessageSource messages, Locale locale) {
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("tiers",
				Map.of("type", "bar", "percent", true, "labels", tiers.stream().map(GroupRow::label).toList(),
						"datasets",
						List.of(dataset(messages.getMessage("dashboard.customerShare", null, locale),
								tiers.stream().map((t) -> round(t.customerShare() * 100)).toList()),
								dataset(messages.getMessage("dashboard.revenueShare", null, locale),
										tiers.stream().map((t) -> round(t.revenueShare() * 100)).toList()),
								dataset(messages.getMessage("dashboard.profitShare", null, locale),
										tiers.stream().map((t) -> round(t.profitShare() * 100)).toList()))));
		charts.put("lorenz",
				Map.of("type", "lorenz", "percent", true, "xLabel",
						messages.getMessage("dashboard.lorenz.customers", null, locale), "yLabel",
						messages.getMessage("dashboard.lorenz.revenue", null, locale), "datasets", List.of(
								Map.of("label", messages.getMessage("dashboard.lorenz.curve", null, locale), "data",
										dashboard.lorenz()
											.stream()
											.map((p) -> List.of(round(p.customerShare() * 100),
													round(p.revenueShare() * 100)))
											.toList()),
								Map.of("label", messages.getMessage("dashboard.lorenz.equality", null, locale), "data",
										List.of(List.of(0, 0), List.of(100, 100))))));
		charts.put("segments",
				Map.of("type", "hbar", "percent", false, "labels", segments.stream().map(GroupRow::label).toList(),
						"datasets", List.of(dataset(messages.getMessage("dashboard.customers", null, locale),
								segments.stream().map((s) -> (Object) s.stats().customers()).toList()))));
		return charts;
	}

	private static Map<String, Object> dataset(String label, List<?> data) {
		return Map.of("label", label, "data", data);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	public long migrated(String from, String to) {
		return this.migration.getOrDefault(from, Map.of()).getOrDefault(to, 0L);
	}

	/**
	 * A tier or segment with its shares of customers, revenue and profit.
	 */
	public record GroupRow(String code, String label, GroupStats stats, double customerShare, double revenueShare,
			double profitShare, BigDecimal revenue, BigDecimal profit, BigDecimal averageClv) {

		public @Nullable Double averageSatisfaction() {
			return this.stats.averageSatisfaction();
		}

	}

	/**
	 * A code with its label in the user's language.
	 */
	public record Label(String code, String label) {

	}

	/**
	 * One recency score's row of the heat map.
	 */
	public record HeatRow(int recencyScore, List<HeatCell> cells) {

	}

	/**
	 * One cell of the heat map: customers, their average revenue, and a shade from 0 to
	 * 5.
	 */
	public record HeatCell(int frequencyScore, long customers, BigDecimal averageMonetary, int level) {

	}

}
