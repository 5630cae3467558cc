package com.tiercrm.policy.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.tiercrm.account.Role;
import com.tiercrm.policy.PolicyTerms;
import com.tiercrm.policy.PolicyVersion;
import com.tiercrm.policy.ServiceChannel;
import com.tiercrm.policy.TierPolicies;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.insight.ChurnCohort;
import com.tiercrm.tiering.insight.DashboardProperties;
import com.tiercrm.tiering.insight.GroupStats;
import com.tiercrm.tiering.insight.RunDashboard;
import com.tiercrm.tiering.insight.ReferralCounts;
import com.tiercrm.tiering.insight.RunDashboards;
import com.tiercrm.tiering.insight.TierMetrics;
import com.tiercrm.tiering.list.TierLabels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(EvaluationController.class)
@Import({ WebSliceConfiguration.class, EvaluationControllerTests.Settings.class })
class EvaluationControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	private static final CrmUser MANAGER = TestUsers.principal(8, "mgr8", Role.MANAGER);

	private static final GroupStats A = new GroupStats("ABC:A", 10, 8000, 2000, 12345, 10, 8, 45, 10);

	private static final RunDashboard.Run RUN = new RunDashboard.Run(42, LocalDate.of(2026, 6, 30),
			Instant.parse("2026-07-01T02:00:00Z"), 3, "ABC", 0.3);

	private static final RunDashboard.Run PREVIOUS = new RunDashboard.Run(41, LocalDate.of(2026, 5, 31),
			Instant.parse("2026-06-01T02:00:00Z"), 3, "ABC", 0.3);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private RunDashboards dashboards;

	@MockitoBean(name = "tierLabels")
	private TierLabels labels;

	@MockitoBean
	private TierPolicies policies;

	@MockitoBean
	private ReferralCounts referrals;

	@BeforeEach
	void labelsAreCodes() {
		given(this.labels.label(anyString(), any())).willAnswer((call) -> "label of " + call.getArgument(0));
		given(this.labels.model(anyString(), any())).willAnswer((call) -> "model " + call.getArgument(0));
	}

	@Test
	void evaluationIsForManagersAndComparesBeforeAndAfterAPolicyVersion() throws Exception {
		this.mvc.perform(get("/tiering/evaluation").with(user(REP))).andExpect(status().isForbidden());
		TierMetrics before = new TierMetrics(41, PREVIOUS.asOf(), PREVIOUS.finishedAt(), 1, A);
		TierMetrics after = new TierMetrics(42, RUN.asOf(), RUN.finishedAt(), 1,
				new GroupStats("ABC:A", 12, 9000, 2400, 14000, 12, 11, 50, 10), new ChurnCohort(4, 2, 2, 3));
		given(this.dashboards.tierHistory()).willReturn(List.of(before, after));
		Instant saved = Instant.parse("2026-06-15T00:00:00Z");
		PolicyTerms terms = new PolicyTerms(new BigDecimal("10"), new BigDecimal("500000"), 60, 4, 14, true,
				EnumSet.of(ServiceChannel.VISIT), null);
		given(this.policies.history("ABC:A")).willReturn(List.of(new PolicyVersion(2, terms, "mgr8", saved, List.of()),
				new PolicyVersion(1, terms, null, Instant.parse("2026-01-01T00:00:00Z"), List.of())));
		given(this.dashboards.around("ABC:A", saved)).willReturn(new RunDashboards.BeforeAfter(before, after));
		// the rates as ReferralCounts works them out, from the counts stubbed here
		given(this.referrals.rates(any())).willCallRealMethod();
		given(this.referrals.referrers(41, null, PREVIOUS.asOf())).willReturn(Map.of("ABC:A", 1L));
		given(this.referrals.referrers(42, PREVIOUS.asOf(), RUN.asOf())).willReturn(Map.of("ABC:A", 3L));
		this.mvc.perform(get("/tiering/evaluation").param("tier", "ABC:A").param("version", "2").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(view().name("dashboard/evaluation"))
			.andExpect(content().string(containsString("id=\"before-row\"")))
			// Repeat-purchase rate 8 of 10 buyers before, 11 of 12 after.
			.andExpect(content().string(containsString("80.0%")))
			.andExpect(content().string(containsString("91.7%")))
			.andExpect(content().string(containsString("2026-06-30 (run 42)")))
			// Three of the four customers of the tier in run 41 churned by run 42; run 41
			// had no previous run.
			.andExpect(content().string(containsString("75.0%")))
			.andExpect(content().string(containsString("3 of 4")))
			// Referrers of customers acquired in each row's period: 1 of 10, then 3 of
			// 12.
			.andExpect(content().string(containsString("referral-rate\">10.0%<")))
			.andExpect(content().string(containsString("referral-rate\">25.0%<")))
			.andExpect(content().string(containsString("not measured")))
			.andExpect(content().string(containsString("&quot;yLabel&quot;:&quot;Revenue (CNY)&quot;")))
			.andExpect(content().string(not(containsString("??"))));
		this.mvc.perform(get("/tiering/evaluation").param("tier", "ABC:A").param("version", "9").with(user(MANAGER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void churnAfterAConfigurationChangeSaysTierDropsAreNotCounted() throws Exception {
		TierMetrics before = new TierMetrics(41, PREVIOUS.asOf(), PREVIOUS.finishedAt(), 1, A);
		TierMetrics after = new TierMetrics(42, RUN.asOf(), RUN.finishedAt(), 1, A,
				new ChurnCohort(40, 2, 25, 2, false));
		given(this.dashboards.tierHistory()).willReturn(List.of(before, after));
		this.mvc.perform(get("/tiering/evaluation").with(user(MANAGER)).locale(java.util.Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"churn-config-note\"")))
			// 2 of 40 fell below the threshold; the 25 drops are the new thresholds'
			// doing.
			.andExpect(content().string(containsString("5.0%")))
			.andExpect(content().string(containsString("2 of 40")))
			.andExpect(content().string(containsString("new configuration: tier drops not counted")));
	}

	@Test
	void theTiersCanBeComparedByTheLastRunOfEachMonthQuarterOrYear() throws Exception {
		TierMetrics march = new TierMetrics(39, LocalDate.of(2026, 3, 31), PREVIOUS.finishedAt(), 1, A);
		TierMetrics april = new TierMetrics(40, LocalDate.of(2026, 4, 30), PREVIOUS.finishedAt(), 1, A);
		TierMetrics aprilAgain = new TierMetrics(41, LocalDate.of(2026, 4, 30), PREVIOUS.finishedAt(), 1, A);
		TierMetrics june = new TierMetrics(42, RUN.asOf(), RUN.finishedAt(), 1, A);
		given(this.dashboards.tierHistory()).willReturn(List.of(march, april, aprilAgain, june));
		assertThat(runsShown("RUN")).containsExactly("39", "40", "41", "42");
		assertThat(runsShown("MONTH")).containsExactly("39", "41", "42");
		assertThat(runsShown("QUARTER")).containsExactly("39", "42");
		assertThat(runsShown("YEAR")).containsExactly("42");
		this.mvc
			.perform(get("/tiering/evaluation").param("period", "QUARTER").param("lang", "zh-CN").with(user(MANAGER)))
			.andExpect(content().string(containsString("每季度最后一次运行")));
		this.mvc.perform(get("/tiering/evaluation").param("period", "WEEK").with(user(MANAGER)))
			.andExpect(status().isBadRequest());
	}

	/** The runs in tier A's history table, by number. */
	private List<String> runsShown(String period) throws Exception {
		String html = this.mvc.perform(get("/tiering/evaluation").param("period", period).with(user(MANAGER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String table = html.substring(html.indexOf("id=\"tier-history-ABC:A\""));
		table = table.substring(0, table.indexOf("</table>"));
		return java.util.regex.Pattern.compile("run (\\d+)")
			.matcher(table)
			.results()
			.map((match) -> match.group(1))
			.distinct()
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Settings {

		@Bean
		DashboardProperties dashboardProperties() {
			return new DashboardProperties(0.3, 50);
		}

	}

}
