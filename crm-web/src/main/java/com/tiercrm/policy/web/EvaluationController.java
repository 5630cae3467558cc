package com.tiercrm.policy.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.policy.PolicyVersion;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.policy.UnknownTierException;
import com.tiercrm.tiering.insight.DashboardProperties;
import com.tiercrm.tiering.insight.ReferralCounts;
import com.tiercrm.tiering.insight.RunDashboards;
import com.tiercrm.tiering.insight.TierMetrics;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.web.Formats;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Effect evaluation for managers: each tier's customers, revenue, profit, repeat
 * purchases, satisfaction and churn across runs, and one tier before and after a change
 * of its service policy. Read from the runs' precomputed aggregates.
 */
@Controller
class EvaluationController {

	private final RunDashboards dashboards;

	private final TierPolicies policies;

	private final TierLabels labels;

	private final JsonMapper json;

	private final DashboardProperties properties;

	private final Formats formats;

	private final MessageSource messages;

	private final ReferralCounts referrals;

	EvaluationController(RunDashboards dashboards, TierPolicies policies, TierLabels labels, JsonMapper json,
			DashboardProperties properties, Formats formats, MessageSource messages, ReferralCounts referrals) {
		this.referrals = referrals;
		this.properties = properties;
		this.formats = formats;
		this.messages = messages;
		this.dashboards = dashboards;
		this.policies = policies;
		this.labels = labels;
		this.json = json;
	}

	@GetMapping("/tiering/evaluation")
	String evaluation(@RequestParam(required = false) @Nullable String tier,
			@RequestParam(required = false) @Nullable Integer version,
			@RequestParam(defaultValue = "RUN") EvaluationPeriod period, Locale locale, Model model) {
		Map<String, TierSeries> series = new LinkedHashMap<>();
		List<TierMetrics> history = this.dashboards.tierHistory();
		// The history comes oldest run first; the stable sort by tier keeps each tier's
		// runs in that order.
		history.stream()
			.sorted(java.util.Comparator.comparingInt(TierMetrics::rankOrder))
			.forEach((m) -> series
				.computeIfAbsent(m.stats().code(),
						(code) -> new TierSeries(code, this.labels.label(code, locale), new ArrayList<>()))
				.runs()
				.add(m));
		series.replaceAll((code, s) -> new TierSeries(s.code(), s.label(), period.lastOfEach(s.runs())));
		model.addAttribute("series", series.values());
		model.addAttribute("referralRates",
				this.referrals.rates(series.values().stream().map(TierSeries::runs).toList()));
		model.addAttribute("period", period);
		model.addAttribute("periods", EvaluationPeriod.values());
		model.addAttribute("churnThreshold", this.properties.churnThreshold());
		model.addAttribute("revenueChart", this.json.writeValueAsString(revenueChart(series.values(),
				this.formats.inCurrency(this.messages.getMessage("dashboard.revenue", null, locale)))));
		if (tier != null) {
			List<PolicyVersion> versions = this.policies.history(tier);
			model.addAttribute("tier", tier);
			model.addAttribute("tierLabel", this.labels.label(tier, locale));
			model.addAttribute("versions", versions);
			if (version != null) {
				PolicyVersion chosen = versions.stream()
					.filter((v) -> v.version() == version)
					.findFirst()
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
				model.addAttribute("version", chosen);
				model.addAttribute("around", this.dashboards.around(tier, chosen.savedAt()));
			}
		}
		return "dashboard/evaluation";
	}

	private static Map<String, Object> revenueChart(Iterable<TierSeries> series, String yLabel) {
		List<Map<String, Object>> datasets = new ArrayList<>();
		java.util.SortedSet<String> dates = new java.util.TreeSet<>();
		series.forEach((s) -> s.runs().forEach((m) -> dates.add(m.asOf() + " #" + m.runId())));
		for (TierSeries s : series) {
			Map<String, Double> byRun = new LinkedHashMap<>();
			s.runs()
				.forEach((m) -> byRun.put(m.asOf() + " #" + m.runId(), Math.round(m.stats().revenue() * 100) / 100.0));
			datasets.add(Map.of("label", s.label(), "data",
					dates.stream().map((d) -> (Object) byRun.getOrDefault(d, 0.0)).toList()));
		}
		return Map.of("type", "line", "percent", false, "labels", List.copyOf(dates), "datasets", datasets, "yLabel",
				yLabel);
	}

	@ExceptionHandler(UnknownTierException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknownTier() {
		return "error/404";
	}

	/**
	 * One tier's metrics in every run, oldest first.
	 */
	public record TierSeries(String code, String label, List<TierMetrics> runs) {

	}

}
