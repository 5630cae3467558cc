package com.tiercrm.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.tiercrm.account.AccessScope;
import com.tiercrm.market.MarketShares;
import com.tiercrm.policy.PolicyTerms;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.policy.TierPolicy;
import com.tiercrm.tiering.clustertier.PublishedClusters;
import com.tiercrm.tiering.forecast.RunForecasts;
import com.tiercrm.tiering.forecast.SalesForecasts;
import com.tiercrm.tiering.forecast.StoredForecast;
import com.tiercrm.tiering.insight.GroupStats;
import com.tiercrm.tiering.insight.RunDashboard;
import com.tiercrm.tiering.insight.RunDashboards;
import com.tiercrm.tiering.insight.TierChange;
import com.tiercrm.tiering.insight.TierMetrics;
import com.tiercrm.tiering.list.TierLabels;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tiering report of the published run as a PDF for a management meeting: the parts of
 * the workbook ({@link TieringReport}) with their charts, rendered from the Thymeleaf
 * template {@code report/pdf.html} by openhtmltopdf. The text is drawn with fonts that
 * ship in the application (Liberation Sans, and Droid Sans Fallback for Chinese) and are
 * embedded as subsets in every report, so the PDF reads the same on machines without a
 * CJK font.
 */
@Component
public class TieringReportPdf {

	/** Its media type. */
	public static final String CONTENT_TYPE = "application/pdf";

	/**
	 * Liberation Sans for Latin letters and digits, then Droid Sans Fallback for Chinese.
	 */
	static final String FONT_FAMILIES = "'TierCRM Latin', 'TierCRM Chinese'";

	private static final String FONTS = "report/fonts/";

	/** The downgraded customers listed by name: the workbook has the longer list. */
	static final int DOWNGRADES = 20;

	private final RunDashboards dashboards;

	private final TierPolicies policies;

	private final PublishedClusters clusters;

	private final RunForecasts forecasts;

	private final TierLabels labels;

	private final MessageSource messages;

	private final ITemplateEngine templates;

	private final TieringReport workbook;

	TieringReportPdf(RunDashboards dashboards, TierPolicies policies, PublishedClusters clusters,
			RunForecasts forecasts, TierLabels labels, MessageSource messages, ITemplateEngine templates,
			TieringReport workbook) {
		this.workbook = workbook;
		this.dashboards = dashboards;
		this.policies = policies;
		this.clusters = clusters;
		this.forecasts = forecasts;
		this.labels = labels;
		this.messages = messages;
		this.templates = templates;
	}

	/**
	 * The PDF's file name.
	 * @param day the day it is written
	 */
	public static String filename(LocalDate day) {
		return "tiering-report-" + day + ".pdf";
	}

	/**
	 * Writes the PDF.
	 * @param scope whose customers the figures cover, as on the dashboard
	 * @param locale the reader's language
	 * @param out where to write
	 * @throws IOException when writing fails
	 */
	@Transactional(readOnly = true)
	public void write(AccessScope scope, Locale locale, OutputStream out) throws IOException {
		RunDashboard dashboard = this.dashboards.published(scope, DOWNGRADES).orElseThrow();
		Context context = new Context(locale, model(dashboard, locale));
		String html = this.templates.process("report/pdf", context);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		// Every face the template uses is registered: anything else would fall back to
		// a Times that is not embedded and has no Chinese. Droid Sans Fallback has no
		// bold face, so bold Chinese is drawn regular.
		builder.useFont(() -> font("LiberationSans-Regular.ttf"), "TierCRM Latin", 400, FontStyle.NORMAL, true);
		builder.useFont(() -> font("LiberationSans-Bold.ttf"), "TierCRM Latin", 700, FontStyle.NORMAL, true);
		builder.useFont(() -> font("DroidSansFallbackFull.ttf"), "TierCRM Chinese", 400, FontStyle.NORMAL, true);
		builder.useFont(() -> font("DroidSansFallbackFull.ttf"), "TierCRM Chinese", 700, FontStyle.NORMAL, true);
		builder.useSVGDrawer(new BatikSVGDrawer());
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		builder.run();
	}

	private static InputStream font(String file) {
		try {
			return new ClassPathResource(FONTS + file).getInputStream();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The report's font " + file + " is missing from the application", ex);
		}
	}

	private Map<String, Object> model(RunDashboard dashboard, Locale locale) {
		Map<String, Object> model = new java.util.HashMap<>();
		model.put("fontFamilies", FONT_FAMILIES);
		model.put("run", dashboard.run());
		model.put("model",
				(dashboard.run().tierModel() != null) ? this.labels.model(dashboard.run().tierModel(), locale) : "-");
		model.put("dashboard", dashboard);
		List<TierRow> tiers = dashboard.tiers()
			.stream()
			.map((tier) -> new TierRow(this.labels.label(tier.code(), locale), tier,
					TieringReport.share(tier.customers(), dashboard.customers()),
					TieringReport.share(tier.revenue(), dashboard.revenue()),
					TieringReport.share(tier.profit(), dashboard.profit())))
			.toList();
		model.put("tiers", tiers);
		model.put("pareto", ReportCharts.pareto(dashboard.lorenz()));
		model.put("policies", policyRows(dashboard, locale));
		model.put("policyFields", PolicyTerms.FIELDS);
		model.put("migration",
				dashboard.migration()
					.stream()
					.map((cell) -> new MigrationRow(tierName(cell.fromTier(), locale), tierName(cell.toTier(), locale),
							cell.customers()))
					.toList());
		model.put("downgrades",
				dashboard.downgrades()
					.stream()
					.map((change) -> new DowngradeRow(change, tierName(change.fromTier(), locale),
							tierName(change.toTier(), locale)))
					.toList());
		List<TierMetrics> history = this.dashboards.tierHistory();
		Map<String, Double> referralRates = this.workbook.referralRates(history);
		model.put("evaluation",
				history.stream()
					.map((metrics) -> new EvaluationRow(metrics, this.labels.label(metrics.stats().code(), locale),
							referralRates.get(metrics.runId() + ":" + metrics.stats().code())))
					.toList());
		model.put("market",
				this.workbook.marketShares()
					.stream()
					.map((share) -> new MarketRow(this.workbook.segment(share, locale), share))
					.toList());
		model.put("clusters",
				this.clusters.published()
					.map((report) -> new ClusterSection(report,
							report.clusters()
								.stream()
								.collect(Collectors.toMap(PublishedClusters.Cluster::tier,
										(cluster) -> this.labels.label(cluster.tier(), locale), (a, b) -> a)))));
		model.put("forecast", forecastSection(dashboard.run().id(), this.forecasts.publishedIfDone(), locale));
		return model;
	}

	private List<PolicyRow> policyRows(RunDashboard dashboard, Locale locale) {
		List<PolicyRow> rows = new ArrayList<>();
		for (GroupStats tier : dashboard.tiers()) {
			TierPolicy policy = this.policies.inForce(tier.code()).orElse(null);
			PolicyTerms terms = (policy != null && policy.current() != null) ? policy.current().terms() : null;
			String channels = (terms != null) ? terms.preferredChannels()
				.stream()
				.map((channel) -> this.messages.getMessage("policy.channel." + channel.name(), null, locale))
				.collect(Collectors.joining(", ")) : "";
			rows.add(new PolicyRow(this.labels.label(tier.code(), locale), terms, channels));
		}
		return rows;
	}

	private @Nullable ForecastSection forecastSection(long runId, @Nullable StoredForecast forecast, Locale locale) {
		if (forecast == null || forecast.runId() != runId) {
			return null;
		}
		List<ForecastRow> rows = new ArrayList<>();
		for (int days : List.of(StoredForecast.MONTH, StoredForecast.QUARTER)) {
			for (StoredForecast.Row row : forecast.rows(StoredForecast.Kind.FORECAST, days, SalesForecasts.BY_TIER)) {
				rows.add(new ForecastRow(days, tierName(row.groupKey(), locale), row));
			}
			forecast.total(StoredForecast.Kind.FORECAST, days)
				.ifPresent((row) -> rows
					.add(new ForecastRow(days, this.messages.getMessage("report.total", null, locale), row)));
		}
		List<StoredForecast.Row> holdout = (forecast.holdoutDays() != null)
				? forecast.rows(StoredForecast.Kind.HOLDOUT, forecast.holdoutDays(), RunForecasts.BY_REPEATS)
				: List.of();
		return new ForecastSection(forecast, rows, holdout, ReportCharts.holdout(holdout));
	}

	private String tierName(String code, Locale locale) {
		return this.workbook.tierName(code, locale);
	}

	record TierRow(String name, GroupStats stats, @Nullable Double customerShare, @Nullable Double revenueShare,
			@Nullable Double profitShare) {
	}

	record PolicyRow(String tier, @Nullable PolicyTerms terms, String channels) {
	}

	record MigrationRow(String from, String to, long customers) {
	}

	record DowngradeRow(TierChange change, String from, String to) {
	}

	record EvaluationRow(TierMetrics metrics, String tier, @Nullable Double referralRate) {
	}

	record MarketRow(String segment, MarketShares.MarketShare share) {
	}

	record ClusterSection(PublishedClusters.Report report, Map<String, String> names) {
	}

	record ForecastRow(int days, String group, StoredForecast.Row row) {
	}

	record ForecastSection(StoredForecast forecast, List<ForecastRow> rows, List<StoredForecast.Row> holdout,
			ReportCharts.Chart holdoutChart) {
	}

}
