package com.tiercrm.tiering.web;

import java.util.Locale;

import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.AccessScope;
import com.tiercrm.account.Team;
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
 * and the migration since the previous run. The head of sales and admins see the
 * company's figures, read from the run's precomputed aggregates; a manager those of their
 * teams' customers, a rep those of their own, and the page says whose.
 */
@Controller
class DashboardController {

	static final int DOWNGRADES_SHOWN = 20;

	private final RunDashboards dashboards;

	private final TierLabels labels;

	private final MessageSource messages;

	private final JsonMapper json;

	private final SegmentationRuns runs;

	private final AccountManagement accounts;

	private final RunForecasts forecasts;

	DashboardController(RunDashboards dashboards, TierLabels labels, MessageSource messages, JsonMapper json,
			SegmentationRuns runs, AccountManagement accounts, RunForecasts forecasts) {
		this.dashboards = dashboards;
		this.accounts = accounts;
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
			model.addAttribute("figuresOf", switch (dashboard.scope()) {
				case ALL -> "";
				case OWN -> user.displayName();
				case TEAM ->
					String.join(", ", this.accounts.teamsLedBy(user.id()).stream().map(Team::getName).toList());
			});
			view.charts()
				.forEach((name, chart) -> model.addAttribute(name + "Chart", this.json.writeValueAsString(chart)));
			// The company's forecast in brief, once computed (the forecast page starts
			// it), beside the company's figures only.
			if (dashboard.scope() == AccessScope.Kind.ALL) {
				model.addAttribute("forecast", this.forecasts.publishedIfDone());
			}
		});
		return "dashboard/index";
	}

}
