package com.tiercrm.tiering.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.tiercrm.account.AccessScope;
import com.tiercrm.account.Role;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.insight.DashboardProperties;
import com.tiercrm.tiering.insight.GroupStats;
import com.tiercrm.tiering.insight.RunDashboard;
import com.tiercrm.tiering.insight.RunDashboards;
import com.tiercrm.tiering.insight.TierChange;
import com.tiercrm.tiering.forecast.RunForecasts;
import com.tiercrm.tiering.forecast.StoredForecast;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TierOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(DashboardController.class)
@Import({ WebSliceConfiguration.class, DashboardControllerTests.Settings.class })
class DashboardControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	private static final CrmUser MANAGER = TestUsers.principal(8, "mgr8", Role.MANAGER);

	private static final GroupStats A = new GroupStats("ABC:A", 10, 8000, 2000, 12345, 10, 8, 45, 10);

	private static final GroupStats B = new GroupStats("ABC:B", 30, 2000, 500, 3000, 30, 12, 0, 0);

	private static final RunDashboard.Run RUN = new RunDashboard.Run(42, LocalDate.of(2026, 6, 30),
			Instant.parse("2026-07-01T02:00:00Z"), 3, "ABC", 0.3);

	private static final RunDashboard.Run PREVIOUS = new RunDashboard.Run(41, LocalDate.of(2026, 5, 31),
			Instant.parse("2026-06-01T02:00:00Z"), 3, "ABC", 0.3);

	private static final RunDashboard DASHBOARD = new RunDashboard(RUN, List.of(A, B),
			List.of(new GroupStats("IMPORTANT_VALUE", 40, 10000, 2500, 15345, 40, 20, 45, 10)),
			List.of(new RunDashboard.LorenzPoint(0, 0), new RunDashboard.LorenzPoint(0.25, 0.8),
					new RunDashboard.LorenzPoint(1, 1)),
			List.of(new RunDashboard.RfmCell(5, 5, 10, 8000), new RunDashboard.RfmCell(1, 2, 30, 2000)), PREVIOUS,
			List.of(new RunDashboard.MigrationCell("ABC:A", "ABC:A", 9),
					new RunDashboard.MigrationCell("ABC:A", "ABC:B", 1),
					new RunDashboard.MigrationCell("ABC:B", "ABC:B", 29),
					new RunDashboard.MigrationCell("NEW", "ABC:A", 1)),
			List.of(new TierChange(99, "C099", "Zhang San Trading", "ABC:A", "ABC:B")));

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private com.tiercrm.account.AccountManagement accounts;

	@MockitoBean
	private RunDashboards dashboards;

	@MockitoBean(name = "tierLabels")
	private TierLabels labels;

	@MockitoBean
	private TierPolicies policies;

	@MockitoBean
	private SegmentationRuns runs;

	@MockitoBean
	private RunForecasts forecasts;

	@BeforeEach
	void labelsAreCodes() {
		given(this.labels.label(anyString(), any())).willAnswer((call) -> "label of " + call.getArgument(0));
		given(this.labels.model(anyString(), any())).willAnswer((call) -> "model " + call.getArgument(0));
		given(this.runs.tierOrder()).willReturn(new TierOrder(Map.of("ABC:A", 1, "ABC:B", 2, "ABC:C", 3)));
	}

	@Test
	void dashboardCountsEveryDowngradeAndSaysTheListHoldsTheMostValuable() throws Exception {
		RunDashboard manyDown = new RunDashboard(RUN, DASHBOARD.tiers(), DASHBOARD.segments(), DASHBOARD.lorenz(),
				DASHBOARD.rfmCells(), PREVIOUS,
				List.of(new RunDashboard.MigrationCell("ABC:A", "ABC:B", 700),
						new RunDashboard.MigrationCell("ABC:A", "ABC:C", 40),
						new RunDashboard.MigrationCell("ABC:B", "ABC:C", 20),
						new RunDashboard.MigrationCell("ABC:C", "ABC:A", 5),
						new RunDashboard.MigrationCell("ABC:B", "GONE", 3),
						new RunDashboard.MigrationCell("NEW", "ABC:C", 8)),
				DASHBOARD.downgrades());
		given(this.dashboards.published(any(AccessScope.class), anyInt())).willReturn(Optional.of(manyDown));
		this.mvc.perform(get("/dashboard").with(user(MANAGER)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"downgrades-total\" data-value=\"760\"")))
			.andExpect(content().string(containsString("The list below shows the most valuable 1 you can see.")))
			.andExpect(content()
				.string(containsString("Downgraded customers: the most valuable 1 you can see, of 760 in the run")))
			.andExpect(content().string(not(containsString("Downgrades listed"))))
			.andExpect(content().string(containsString(
					"Customers by tier in run #41, 2026-05-31 (rows) and in run #42, 2026-06-30 (columns)")));
	}

	@Test
	void thePageSaysWhoseFiguresItShows() throws Exception {
		RunDashboard own = new RunDashboard(RUN, DASHBOARD.tiers(), DASHBOARD.segments(), DASHBOARD.lorenz(),
				DASHBOARD.rfmCells(), PREVIOUS, DASHBOARD.migration(), DASHBOARD.downgrades(), AccessScope.Kind.OWN);
		given(this.dashboards.published(eq(REP.scope()), anyInt())).willReturn(Optional.of(own));
		this.mvc.perform(get("/dashboard").with(user(REP)).locale(Locale.ENGLISH))
			.andExpect(content().string(containsString("data-scope=\"OWN\"")))
			.andExpect(content().string(containsString("Figures of your own customers (Display rep7)")));
		RunDashboard teams = new RunDashboard(RUN, DASHBOARD.tiers(), DASHBOARD.segments(), DASHBOARD.lorenz(),
				DASHBOARD.rfmCells(), PREVIOUS, DASHBOARD.migration(), DASHBOARD.downgrades(), AccessScope.Kind.TEAM);
		given(this.dashboards.published(eq(MANAGER.scope()), anyInt())).willReturn(Optional.of(teams));
		com.tiercrm.account.Team east = new com.tiercrm.account.Team("华东", 8L);
		given(this.accounts.teamsLedBy(8)).willReturn(List.of(east));
		this.mvc.perform(get("/dashboard").with(user(MANAGER)).locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(content().string(containsString("您所负责团队（华东）当前名下客户的数据")));
		CrmUser admin = TestUsers.principal(1, "admin", Role.ADMIN);
		given(this.dashboards.published(eq(admin.scope()), anyInt())).willReturn(Optional.of(DASHBOARD));
		this.mvc.perform(get("/dashboard").with(user(admin)).locale(Locale.ENGLISH))
			.andExpect(content().string(containsString("Company-wide figures: every customer.")));
	}

	@Test
	void dashboardShowsTheTiersWithTheirNumbersInTables() throws Exception {
		given(this.dashboards.published(any(AccessScope.class), anyInt())).willReturn(Optional.of(DASHBOARD));
		this.mvc.perform(get("/dashboard").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(view().name("dashboard/index"))
			.andExpect(content().string(containsString("id=\"total-customers\" data-value=\"40\"")))
			.andExpect(content().string(containsString("label of ABC:A")))
			// A holds 10 of 40 customers and 8,000 of 10,000 revenue.
			.andExpect(content().string(containsString("25.0%")))
			.andExpect(content().string(containsString("80.0%")))
			.andExpect(content().string(containsString("4.50")))
			.andExpect(content().string(containsString("id=\"chart-tiers\"")))
			.andExpect(content().string(containsString("&quot;type&quot;:&quot;bar&quot;")))
			.andExpect(content().string(containsString("&quot;type&quot;:&quot;lorenz&quot;")))
			.andExpect(content().string(containsString("id=\"migration-table\"")))
			.andExpect(content().string(containsString("Zhang San Trading")))
			.andExpect(content().string(containsString("chart.umd.min.js")))
			.andExpect(content().string(not(containsString("??"))));
		then(this.dashboards).should().published(eq(REP.scope()), anyInt());
	}

	@Test
	void theForecastInBriefSitsBesideTheCompanysFiguresOnly() throws Exception {
		given(this.dashboards.published(any(AccessScope.class), anyInt())).willReturn(Optional.of(DASHBOARD));
		RunDashboard own = new RunDashboard(RUN, DASHBOARD.tiers(), DASHBOARD.segments(), DASHBOARD.lorenz(),
				DASHBOARD.rfmCells(), PREVIOUS, DASHBOARD.migration(), DASHBOARD.downgrades(), AccessScope.Kind.OWN);
		given(this.dashboards.published(eq(REP.scope()), anyInt())).willReturn(Optional.of(own));
		given(this.forecasts.publishedIfDone()).willReturn(new StoredForecast(42, StoredForecast.Status.DONE, null,
				LocalDate.of(2026, 6, 30), LocalDate.of(2026, 3, 31), 91, 0.9, false, 40L, 0.4, 0.71,
				List.of(new StoredForecast.Row(StoredForecast.Kind.FORECAST, 91, "total", "*", null, 40, 12, 10.0, 14.0,
						23_456, 20_000.0, 27_000.0, null, null))));
		this.mvc.perform(get("/dashboard").with(user(MANAGER)).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"dashboard-forecast\"")))
			.andExpect(content().string(containsString("23,456.00")))
			.andExpect(content().string(containsString("Holdout check over 91 days: correlation of predicted and"
					+ " actual repeat purchases 0.710, mean absolute error 0.400.")));
		this.mvc.perform(get("/dashboard").param("lang", "zh-CN").with(user(MANAGER)))
			.andExpect(content().string(containsString("91 天留出期检验")));
		this.mvc.perform(get("/dashboard").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("dashboard-forecast"))))
			.andExpect(content().string(not(containsString("23,456.00"))));
	}

	@Test
	void dashboardInChineseBeforeTheFirstRun() throws Exception {
		given(this.dashboards.published(any(AccessScope.class), anyInt())).willReturn(Optional.empty());
		this.mvc.perform(get("/dashboard").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("尚未发布任何分级运行")))
			.andExpect(content().string(not(containsString("??"))));
		given(this.dashboards.published(any(AccessScope.class), anyInt())).willReturn(Optional.of(DASHBOARD));
		this.mvc.perform(get("/dashboard").param("lang", "zh-CN").with(user(REP)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("帕累托曲线")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Settings {

		@Bean
		DashboardProperties dashboardProperties() {
			return new DashboardProperties(0.3, 50);
		}

	}

}
