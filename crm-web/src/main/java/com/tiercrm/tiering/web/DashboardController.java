package com.tiercrm.tiering.web;

import java.util.Locale;

import com.tiercrm.account.Role;
import com.tiercrm.security.CrmUser;
import com.tiercrm.tiering.forecast.RunForecasts;
import com.tiercrm.tiering.insight.RunDashboards;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.run.SegmentationRuns;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard of the published run: tiers, the Pareto curve, the RFM heat map, segments
 * and the migration since the previous run, all read from the run's precomputed
 * aggregates.
 */
@Controller
class DashboardController {

	static final int DOWNGRADES_SHOWN = 20;

	private final RunDashboards dashboards;

	private final TierLabels labels;

	private final MessageSource messages;

	private final JsonMapper json;

	private final SegmentationRuns runs;

	private final RunForecasts forecasts;

	DashboardController(RunDashboards dashboards, TierLabels labels, MessageSource messages, JsonMapper json,
			SegmentationRuns runs, RunForecasts forecasts) {
		this.dashboards = dashboards;
		this.forecasts = forecasts;
		this.runs = runs;
		this.labels = labels;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal CrmUser user, Locale locale, Model model) {
		this.dashboards.published(user.scope(), DOWNGRADES_SHOWN).ifPresent((dashboard) -> {
			DashboardView view = DashboardView.of(dashboard, this.labels, this.runs.tierOrder(), this.messages, locale);
			model.addAttribute("view", view);
			view.charts()
				.forEach((name, chart) -> model.addAttribute(name + "Chart", this.json.writeValueAsString(chart)));
		});
		// The forecast in brief, once computed (the forecast page starts it), for those
		// who
		// may see the whole company's figures.
		if (user.role() != Role.SALES_REP) {
			model.addAttribute("forecast", this.forecasts.publishedIfDone());
		}
		return "dashboard/index";
	}

}
