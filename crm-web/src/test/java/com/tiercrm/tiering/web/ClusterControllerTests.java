package com.tiercrm.tiering.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.tiercrm.account.Role;
import com.tiercrm.security.CrmUser;
import com.tiercrm.security.TestUsers;
import com.tiercrm.security.WebSliceConfiguration;
import com.tiercrm.tiering.cluster.ClusterProfile;
import com.tiercrm.tiering.cluster.Dendrogram;
import com.tiercrm.tiering.cluster.VariableSummary;
import com.tiercrm.tiering.clustertier.ClusterDiagnostics;
import com.tiercrm.tiering.clustertier.ClusterNames;
import com.tiercrm.tiering.clustertier.ClusterPreparation;
import com.tiercrm.tiering.clustertier.PublishedClusters;
import com.tiercrm.tiering.list.TierLabels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(ClusterController.class)
@Import(WebSliceConfiguration.class)
class ClusterControllerTests {

	private static final CrmUser REP = TestUsers.principal(7, "rep7", Role.SALES_REP);

	private static final CrmUser MANAGER = TestUsers.principal(8, "mgr8", Role.MANAGER);

	private static final PublishedClusters.Report REPORT = new PublishedClusters.Report(
			42, List.of("recency", "monetary"), 2, 2, 900L, 41L, 0.934, 850L, 970L, 1000L, List.of(
					new PublishedClusters.Cluster("CLUSTER:C01", "C01", 300, 0.82, 0.79,
							List.of(new ClusterProfile.NameTerm("cluster.name.monetary.high", List.of()),
									new ClusterProfile.NameTerm("cluster.name.recency.low", List.of())),
							0.12,
							List.of(new PublishedClusters.Variable("recency", 12.5, -0.9),
									new PublishedClusters.Variable("monetary", 25000.0, 1.4)),
							List.of()),
					new PublishedClusters.Cluster("CLUSTER:C02", "C02", 600, 0.18, 0.21,
							List.of(new ClusterProfile.NameTerm("cluster.name.typical", List.of())), null,
							List.of(new PublishedClusters.Variable("recency", 200.0, 0.45),
									new PublishedClusters.Variable("monetary", null, -0.7)),
							List.of())),
			new ClusterDiagnostics(
					List.of(new ClusterDiagnostics.Score(2, 900.5, 0.61),
							new ClusterDiagnostics.Score(3, 500.25, 0.48)),
					2, 2, List.of("recency", "monetary"), List.of(0.8, 0.2),
					List.of(List.of(0.9, -0.9), List.of(0.4, 0.4)),
					new Dendrogram(3, List.of(new Dendrogram.Merge(0, 1, 1, 2), new Dendrogram.Merge(2, 3, 4, 3)))),
			null, Map.of());

	/**
	 * Clusters on frequency, satisfaction and region: satisfaction missing for 1,234
	 * customers, region for 12.
	 */
	private static final PublishedClusters.Report MIXED = new PublishedClusters.Report(
			43, List.of("frequency", "satisfaction", "region"), 2, null, 5000L, null, null, null, null, null, List.of(
					new PublishedClusters.Cluster("CLUSTER:C01", "C01", 2000, 0.7, 0.6,
							List.of(new ClusterProfile.NameTerm("cluster.name.frequency.high", List.of()),
									new ClusterProfile.NameTerm("cluster.name.category.region", List.of("EAST"))),
							null,
							List.of(new PublishedClusters.Variable("frequency", 9.0, 1.2),
									new PublishedClusters.Variable("satisfaction", 4.6, 0.9)),
							List.of(new PublishedClusters.Category("region", "EAST", 0.9, 0.55),
									new PublishedClusters.Category("region", "NORTH", 0.1, 0.45))),
					new PublishedClusters.Cluster("CLUSTER:C02", "C02", 3000, 0.3, 0.4,
							List.of(new ClusterProfile.NameTerm("cluster.name.satisfaction.low", List.of())), null,
							List.of(new PublishedClusters.Variable("frequency", 1.5, -0.8),
									new PublishedClusters.Variable("satisfaction", 1.8, -0.6)),
							List.of(new PublishedClusters.Category("region", "NORTH", 0.8, 0.45),
									new PublishedClusters.Category("region", "EAST", 0.2, 0.55)))),
			new ClusterDiagnostics(List.of(), null, null, List.of("frequency", "satisfaction", "region=EAST"),
					List.of(0.7, 0.2, 0.1), List.of(List.of(0.7, 0.5, 0.5)), null),
			new ClusterPreparation(List.of("frequency", "satisfaction", "region=EAST", "region=NORTH"),
					List.of(new VariableSummary("frequency", 0, 0, 0), new VariableSummary("satisfaction", 1234, 0, 0),
							new VariableSummary("region", 12, 2, 0))),
			Map.of("region=EAST", List.of("East China", "华东"), "region=NORTH", List.of("North China", "华北")));

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private PublishedClusters clusters;

	@MockitoBean(name = "tierLabels")
	private TierLabels labels;

	@MockitoBean
	private ClusterNames names;

	@BeforeEach
	void labels() {
		given(this.labels.label(anyString(), any())).willAnswer((call) -> "label of " + call.getArgument(0));
	}

	@Test
	void showsEachClustersProfileSuggestedNameAndTheStability() throws Exception {
		given(this.clusters.published()).willReturn(Optional.of(REPORT));
		this.mvc.perform(get("/tiering/clusters").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(view().name("tiering/clusters"))
			.andExpect(content().string(containsString("label of CLUSTER:C01")))
			.andExpect(content().string(containsString("Typical customers")))
			.andExpect(content().string(containsString("300 customers, 82% of revenue, 79% of gross profit.")))
			.andExpect(content().string(containsString("Adjusted Rand index against run 41: 0.934")))
			.andExpect(content().string(containsString("25,000.00")))
			.andExpect(content().string(containsString("A new cluster in this run.")))
			.andExpect(content().string(containsString("id=\"chart-silhouette\"")))
			.andExpect(content().string(containsString("id=\"chart-scree\"")))
			.andExpect(content().string(containsString("<line")));
		assertThat(text(get("/tiering/clusters")))
			.contains("The silhouette suggests K = 2; the elbow of the sum of squares is at K = 2.")
			.contains("F1 (80%)")
			.contains("0.61")
			.contains("(1)(1)(1)")
			.contains("Suggested name: High spend · Recently active")
			.contains("under 5-fold cross-validation it put 97% of 1,000 customers in their own cluster");
	}

	@Test
	void showsTheProfilesInChinese() throws Exception {
		given(this.clusters.published()).willReturn(Optional.of(REPORT));
		this.mvc.perform(get("/tiering/clusters").param("lang", "zh-CN").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("距最近购买天数")))
			.andExpect(content().string(not(containsString("Recently active"))));
		assertThat(text(get("/tiering/clusters").param("lang", "zh-CN"))).contains("建议名称： 高额 · 近期活跃")
			.contains("把 1,000 位客户中的 97% 归入了其本来的群")
			.contains("轮廓系数建议 K = 2")
			.contains("因子 1（80%）");
	}

	@Test
	void offersTheSuggestedNamesInBothLanguagesAndSavesAManagersNames() throws Exception {
		given(this.clusters.published()).willReturn(Optional.of(REPORT));
		given(this.labels.label(anyString(), any())).willAnswer((call) -> {
			String tier = call.getArgument(0);
			boolean zh = ((Locale) call.getArgument(1)).getLanguage().equals("zh");
			return tier.equals("CLUSTER:C01") ? (zh ? "第 1 群" : "Cluster 1") : (zh ? "忠实老客" : "Loyal regulars");
		});
		this.mvc.perform(get("/tiering/clusters").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"High spend · Recently active\"")))
			.andExpect(content().string(containsString("value=\"高额 · 近期活跃\"")))
			.andExpect(content().string(containsString("value=\"Loyal regulars\"")))
			.andExpect(content().string(containsString("value=\"忠实老客\"")));
		this.mvc
			.perform(post("/tiering/clusters/C01/name").param("nameEn", " Young big spenders ")
				.param("nameZh", "年轻时尚高消费群体")
				.with(csrf())
				.with(user(MANAGER)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tiering/clusters"));
		then(this.names).should().rename("C01", " Young big spenders ", "年轻时尚高消费群体");
	}

	@Test
	void aNameMissingInOneLanguageIsRefusedAndTheInputKept() throws Exception {
		given(this.clusters.published()).willReturn(Optional.of(REPORT));
		this.mvc
			.perform(post("/tiering/clusters/C02/name").param("nameEn", "Bargain hunters")
				.param("nameZh", " ")
				.param("lang", "zh-CN")
				.with(csrf())
				.with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"cluster-name-error-C02\"")))
			.andExpect(content().string(containsString("请用两种语言为该群命名")))
			.andExpect(content().string(containsString("value=\"Bargain hunters\"")));
		then(this.names).shouldHaveNoInteractions();
		this.mvc
			.perform(post("/tiering/clusters/C01/name").param("nameEn", "x")
				.param("nameZh", "y")
				.with(csrf())
				.with(user(REP)))
			.andExpect(status().isForbidden());
	}

	/** The page's text without tags, whitespace runs made one space. */
	@Test
	void showsTheMissingValuesAndTopCategoriesOfAMixOfVariablesInBothLanguages() throws Exception {
		given(this.clusters.published()).willReturn(Optional.of(MIXED));
		assertThat(text(get("/tiering/clusters")))
			.contains("Average satisfaction: missing for 1,234 customers, set to the mean.")
			.contains("Region: missing for 12 customers, counted in no category.")
			.contains("Suggested name: Frequent buyers · Mostly East China")
			.contains("Top categories In the cluster Everyone Region: East China 90.0% 55.0%")
			.contains("Region: North China 80.0% 45.0%")
			.contains("Region: East China 0.50");
		assertThat(text(get("/tiering/clusters").param("lang", "zh-CN"))).contains("平均满意度：1,234 位客户缺失，以均值填补。")
			.contains("区域：12 位客户缺失，不计入任何类别。")
			.contains("建议名称： 高频 · 以华东为主")
			.contains("主要类别 本群占比 全体占比 区域：华东 90.0% 55.0%")
			.doesNotContain("East China");
	}

	private String text(MockHttpServletRequestBuilder request) throws Exception {
		String html = this.mvc.perform(request.with(user(MANAGER)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
	}

	@Test
	void saysWhenNoRunHasClustersAndIsForManagersOnly() throws Exception {
		given(this.clusters.published()).willReturn(Optional.empty());
		this.mvc.perform(get("/tiering/clusters").with(user(MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No published run has clusters yet")));
		this.mvc.perform(get("/tiering/clusters").with(user(REP))).andExpect(status().isForbidden());
	}

}
