package com.tiercrm.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.tiercrm.account.AccessScope;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.market.MarketShares;
import com.tiercrm.market.MarketShares.MarketShare;
import com.tiercrm.policy.PolicyTerms;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.tiering.clustertier.PublishedClusters;
import com.tiercrm.tiering.forecast.RunForecasts;
import com.tiercrm.tiering.forecast.SalesForecasts;
import com.tiercrm.tiering.forecast.StoredForecast;
import com.tiercrm.tiering.insight.GroupStats;
import com.tiercrm.tiering.insight.ReferralCounts;
import com.tiercrm.tiering.insight.RunDashboard;
import com.tiercrm.tiering.insight.RunDashboards;
import com.tiercrm.tiering.insight.TierChange;
import com.tiercrm.tiering.insight.TierMetrics;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.web.SpreadsheetText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tiering report of the published run for a management meeting (seed 002's 客户分级报告),
 * as an Excel workbook in the reader's language, one sheet per part, numbers as numbers:
 * the tiers and the Pareto curve, each tier's policy, the migration and downgrades, the
 * evaluation over the runs (with the referral rate), the market shares entered, the
 * cluster profiles, and the forecast with its holdout check. Everything is read from what
 * the runs kept; nothing is computed over the customers here. The download and the
 * monthly mail write the same workbook.
 */
@Component
public class TieringReport {

	/** The workbook's media type. */
	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final int DOWNGRADES = 200;

	private final RunDashboards dashboards;

	private final TierPolicies policies;

	private final PublishedClusters clusters;

	private final RunForecasts forecasts;

	private final TierLabels labels;

	private final MessageSource messages;

	private final ReferralCounts referrals;

	private final MarketShares market;

	private final ReferenceData references;

	TieringReport(RunDashboards dashboards, TierPolicies policies, PublishedClusters clusters, RunForecasts forecasts,
			TierLabels labels, MessageSource messages, ReferralCounts referrals, MarketShares market,
			ReferenceData references) {
		this.dashboards = dashboards;
		this.referrals = referrals;
		this.market = market;
		this.references = references;
		this.policies = policies;
		this.clusters = clusters;
		this.forecasts = forecasts;
		this.labels = labels;
		this.messages = messages;
	}

	/**
	 * The workbook's file name.
	 * @param day the day it is written
	 */
	public static String filename(LocalDate day) {
		return "tiering-report-" + day + ".xlsx";
	}

	/**
	 * Whether there is a published run to report on; whatever the reader's scope, since a
	 * scope only narrows the figures.
	 */
	public boolean available() {
		return this.dashboards.anyPublished();
	}

	/**
	 * Writes the workbook.
	 * @param scope whose customers the figures cover, as on the dashboard
	 * @param locale the reader's language
	 * @param out where to write
	 * @throws IOException when writing fails
	 */
	@Transactional(readOnly = true)
	public void write(AccessScope scope, Locale locale, OutputStream out) throws IOException {
		RunDashboard dashboard = this.dashboards.published(scope, DOWNGRADES).orElseThrow();
		try (Workbook workbook = new XSSFWorkbook()) {
			Sheets sheets = new Sheets(workbook, locale);
			tiers(sheets, dashboard);
			pareto(sheets, dashboard);
			policies(sheets, dashboard);
			migration(sheets, dashboard);
			evaluation(sheets);
			market(sheets);
			this.clusters.published().ifPresent((report) -> clusters(sheets, report));
			StoredForecast forecast = this.forecasts.publishedIfDone();
			forecast(sheets, dashboard.run().id(), forecast);
			workbook.write(out);
		}
	}

	private void tiers(Sheets sheets, RunDashboard dashboard) {
		Sheet sheet = sheets.sheet("report.sheet.tiers");
		RunDashboard.Run run = dashboard.run();
		sheets.text(sheet, sheets.message("report.title", run.id(), run.asOf().toString()));
		sheets.text(sheet, sheets.message("report.model",
				(run.tierModel() != null) ? this.labels.model(run.tierModel(), sheets.locale) : "-"));
		sheets.blank(sheet);
		sheets.header(sheet, "dashboard.tier", "dashboard.customers", "report.customerShare", "dashboard.revenue",
				"dashboard.revenueShare", "dashboard.profit", "dashboard.profitShare", "report.averageClv",
				"report.repeatRate", "report.satisfaction");
		for (GroupStats tier : dashboard.tiers()) {
			sheets.row(sheet, this.labels.label(tier.code(), sheets.locale), tier.customers(),
					share(tier.customers(), dashboard.customers()), tier.revenue(),
					share(tier.revenue(), dashboard.revenue()), tier.profit(), share(tier.profit(), dashboard.profit()),
					tier.averageClv(), tier.repeatRate(), tier.averageSatisfaction());
		}
		sheets.row(sheet, sheets.message("report.total"), dashboard.customers(), 1.0, dashboard.revenue(), 1.0,
				dashboard.profit(), 1.0);
	}

	private void pareto(Sheets sheets, RunDashboard dashboard) {
		Sheet sheet = sheets.sheet("report.sheet.pareto");
		sheets.text(sheet, sheets.message("report.pareto.intro"));
		sheets.header(sheet, "report.pareto.customers", "report.pareto.revenue");
		for (RunDashboard.LorenzPoint point : dashboard.lorenz()) {
			sheets.row(sheet, point.customerShare(), point.revenueShare());
		}
	}

	private void policies(Sheets sheets, RunDashboard dashboard) {
		Sheet sheet = sheets.sheet("report.sheet.policies");
		String[] header = new String[PolicyTerms.FIELDS.size() + 1];
		header[0] = "dashboard.tier";
		for (int i = 0; i < PolicyTerms.FIELDS.size(); i++) {
			header[i + 1] = "policy.field." + PolicyTerms.FIELDS.get(i);
		}
		sheets.header(sheet, header);
		for (GroupStats tier : dashboard.tiers()) {
			TierPolicy policy = this.policies.inForce(tier.code()).orElse(null);
			if (policy == null || policy.current() == null) {
				sheets.row(sheet, this.labels.label(tier.code(), sheets.locale), sheets.message("report.noPolicy"));
				continue;
			}
			PolicyTerms terms = policy.current().terms();
			sheets.row(sheet, this.labels.label(tier.code(), sheets.locale), terms.discountPercent().doubleValue(),
					terms.creditLimit().doubleValue(), terms.paymentTermsDays(), terms.responseSlaHours(),
					terms.contactCadenceDays(),
					sheets.message(terms.dedicatedAccountManager() ? "report.yes" : "report.no"),
					terms.preferredChannels()
						.stream()
						.map((channel) -> sheets.message("policy.channel." + channel.name()))
						.collect(Collectors.joining(", ")),
					(terms.perks() != null) ? terms.perks() : "");
		}
	}

	private void migration(Sheets sheets, RunDashboard dashboard) {
		Sheet sheet = sheets.sheet("report.sheet.migration");
		RunDashboard.Run previous = dashboard.previous();
		if (previous == null) {
			sheets.text(sheet, sheets.message("report.migration.none"));
			return;
		}
		sheets.text(sheet, sheets.message("report.migration.intro", previous.id(), dashboard.run().id()));
		sheets.header(sheet, "report.migration.from", "report.migration.to", "dashboard.customers");
		for (RunDashboard.MigrationCell cell : dashboard.migration()) {
			sheets.row(sheet, tierName(cell.fromTier(), sheets), tierName(cell.toTier(), sheets), cell.customers());
		}
		sheets.blank(sheet);
		sheets.text(sheet, sheets.message("report.downgrades", dashboard.downgrades().size()));
		sheets.header(sheet, "report.customerCode", "report.customerName", "report.migration.from",
				"report.migration.to");
		for (TierChange change : dashboard.downgrades()) {
			sheets.row(sheet, change.code(), change.name(), tierName(change.fromTier(), sheets),
					tierName(change.toTier(), sheets));
		}
	}

	private String tierName(String code, Sheets sheets) {
		return tierName(code, sheets.locale);
	}

	/**
	 * A tier's name in the reader's language, or what the migration's "new" and "gone"
	 * stand for.
	 */
	String tierName(String code, Locale locale) {
		return switch (code) {
			case "NEW" -> this.messages.getMessage("report.migration.new", null, locale);
			case "GONE" -> this.messages.getMessage("report.migration.gone", null, locale);
			default -> this.labels.label(code, locale);
		};
	}

	private void evaluation(Sheets sheets) {
		Sheet sheet = sheets.sheet("report.sheet.evaluation");
		sheets.header(sheet, "report.run", "report.asOf", "dashboard.tier", "dashboard.customers", "dashboard.revenue",
				"dashboard.profit", "report.repeatRate", "evaluation.referralRate", "report.satisfaction",
				"report.churnRate");
		List<TierMetrics> history = this.dashboards.tierHistory();
		Map<String, Double> referralRates = referralRates(history);
		for (TierMetrics metrics : history) {
			GroupStats stats = metrics.stats();
			sheets.row(sheet, metrics.runId(), metrics.asOf().toString(),
					this.labels.label(stats.code(), sheets.locale), stats.customers(), stats.revenue(), stats.profit(),
					stats.repeatRate(), referralRates.get(metrics.runId() + ":" + stats.code()),
					stats.averageSatisfaction(), (metrics.churn() != null) ? metrics.churn().rate() : null);
		}
	}

	/**
	 * Each row's referral rate over the period since the tier's row before, keyed
	 * {@code runId:tier} as {@link ReferralCounts#rates} gives them.
	 */
	Map<String, Double> referralRates(List<TierMetrics> history) {
		Map<String, List<TierMetrics>> byTier = new LinkedHashMap<>();
		history.forEach(
				(metrics) -> byTier.computeIfAbsent(metrics.stats().code(), (code) -> new ArrayList<>()).add(metrics));
		return this.referrals.rates(byTier.values());
	}

	private void market(Sheets sheets) {
		Sheet sheet = sheets.sheet("report.sheet.market");
		List<MarketShare> shares = this.market.all();
		if (shares.isEmpty()) {
			sheets.text(sheet, sheets.message("market.empty"));
			return;
		}
		sheets.text(sheet, sheets.message("report.market.intro"));
		sheets.header(sheet, "market.segment", "market.start", "market.end", "market.size", "market.revenue",
				"market.share");
		for (MarketShare share : shares) {
			sheets.row(sheet, segment(share, sheets.locale), share.start().toString(), share.end().toString(),
					share.size(), share.revenue(), share.share());
		}
	}

	/**
	 * A market segment's name in the reader's language, "Region: East China".
	 */
	String segment(MarketShare share, Locale locale) {
		ReferenceKind kind = (share.dimension() == MarketShares.Dimension.REGION) ? ReferenceKind.REGION
				: ReferenceKind.INDUSTRY;
		String name = this.references.catalog(kind).name(share.code(), locale);
		return this.messages.getMessage("market.dimension." + share.dimension().name(),
				new Object[] { (name != null) ? name : share.code() }, locale);
	}

	/**
	 * The market shares entered, latest period first.
	 */
	List<MarketShare> marketShares() {
		return this.market.all();
	}

	private void clusters(Sheets sheets, PublishedClusters.Report report) {
		Sheet sheet = sheets.sheet("report.sheet.clusters");
		sheets.text(sheet, sheets.message("cluster.page.summary", report.runId(), report.k(), report.customers()));
		if (report.adjustedRand() != null) {
			sheets.row(sheet, sheets.message("report.clusters.stability"), report.adjustedRand());
		}
		if (report.discriminantShare() != null) {
			sheets.row(sheet, sheets.message("report.clusters.discriminant"), report.discriminantShare());
		}
		sheets.blank(sheet);
		String[] header = new String[4 + report.variables().size()];
		header[0] = "dashboard.tier";
		header[1] = "dashboard.customers";
		header[2] = "dashboard.revenueShare";
		header[3] = "dashboard.profitShare";
		for (int i = 0; i < report.variables().size(); i++) {
			header[4 + i] = "cluster.variable." + report.variables().get(i);
		}
		sheets.header(sheet, header);
		for (PublishedClusters.Cluster cluster : report.clusters()) {
			Object[] values = new Object[header.length];
			values[0] = this.labels.label(cluster.tier(), sheets.locale);
			values[1] = cluster.customers();
			values[2] = cluster.revenueShare();
			values[3] = cluster.profitShare();
			for (int i = 0; i < cluster.variables().size() && i < report.variables().size(); i++) {
				values[4 + i] = cluster.variables().get(i).mean();
			}
			sheets.row(sheet, values);
		}
	}

	private void forecast(Sheets sheets, long runId, @Nullable StoredForecast forecast) {
		Sheet sheet = sheets.sheet("report.sheet.forecast");
		if (forecast == null || forecast.runId() != runId) {
			sheets.text(sheet, sheets.message("report.forecast.none"));
			return;
		}
		sheets.header(sheet, "report.forecast.horizon", "dashboard.tier", "dashboard.customers",
				"report.forecast.purchases", "report.forecast.revenue", "report.forecast.low", "report.forecast.high");
		for (int days : List.of(StoredForecast.MONTH, StoredForecast.QUARTER)) {
			for (StoredForecast.Row row : forecast.rows(StoredForecast.Kind.FORECAST, days, SalesForecasts.BY_TIER)) {
				sheets.row(sheet, days, tierName(row.groupKey(), sheets), row.customers(), row.expectedPurchases(),
						row.expectedRevenue(), row.revenueLow(), row.revenueHigh());
			}
			forecast.total(StoredForecast.Kind.FORECAST, days)
				.ifPresent((row) -> sheets.row(sheet, days, sheets.message("report.total"), row.customers(),
						row.expectedPurchases(), row.expectedRevenue(), row.revenueLow(), row.revenueHigh()));
		}
		sheets.blank(sheet);
		if (forecast.holdoutCustomers() != null) {
			sheets.text(sheet,
					sheets.message("forecast.holdout.summary", forecast.calibrationEnd(), forecast.holdoutDays(),
							forecast.holdoutCustomers(), forecast.meanAbsoluteError(), forecast.correlation()));
			sheets.header(sheet, "forecast.repeats", "dashboard.customers", "forecast.chart.predicted",
					"forecast.chart.actual");
			int holdoutDays = (forecast.holdoutDays() != null) ? forecast.holdoutDays() : 0;
			for (StoredForecast.Row row : forecast.rows(StoredForecast.Kind.HOLDOUT, holdoutDays,
					RunForecasts.BY_REPEATS)) {
				sheets.row(sheet, row.groupKey(), row.customers(), row.meanExpectedPurchases(),
						row.meanActualPurchases());
			}
		}
	}

	static @Nullable Double share(double part, double whole) {
		return (whole != 0) ? part / whole : null;
	}

	/**
	 * Sheets in the reader's language, with a bold header style and numbers as numbers.
	 */
	private final class Sheets {

		private final Workbook workbook;

		private final Locale locale;

		private final CellStyle bold;

		Sheets(Workbook workbook, Locale locale) {
			this.workbook = workbook;
			this.locale = locale;
			this.bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			this.bold.setFont(font);
		}

		String message(String code, Object... arguments) {
			return TieringReport.this.messages.getMessage(code, arguments, this.locale);
		}

		Sheet sheet(String nameCode) {
			return this.workbook.createSheet(message(nameCode));
		}

		void text(Sheet sheet, String text) {
			row(sheet, text);
		}

		void blank(Sheet sheet) {
			sheet.createRow(sheet.getPhysicalNumberOfRows());
		}

		void header(Sheet sheet, String... codes) {
			Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
			for (int i = 0; i < codes.length; i++) {
				Cell cell = row.createCell(i);
				cell.setCellValue(message(codes[i]));
				cell.setCellStyle(this.bold);
			}
		}

		void row(Sheet sheet, @Nullable Object... values) {
			Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (value instanceof Number number) {
					double d = number.doubleValue();
					if (Double.isFinite(d)) {
						cell.setCellValue(d);
					}
				}
				else {
					cell.setCellValue(SpreadsheetText.neutralise(value.toString()));
				}
			}
		}

	}

}
