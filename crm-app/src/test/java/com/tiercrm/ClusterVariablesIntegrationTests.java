package com.tiercrm;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.tiercrm.customer.Customer;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.tiering.cluster.VariableSummary;
import com.tiercrm.tiering.clustertier.PublishedClusters;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Clusters on a mix of variables: purchase frequency, the CLV model's predicted value,
 * interactions, satisfaction, the online share and the region. Three planted groups of
 * eight customers (frequent, mostly online buyers in the east who are satisfied;
 * occasional store buyers in the north who are not; occasional store buyers in the south
 * whom nobody asked) come out as three clusters; the missing satisfaction is counted on
 * the clusters page in both languages, each cluster's top region is kept, and the
 * classify API takes the region by name and refuses an unknown one with the allowed
 * values. Subclasses pick the database.
 */
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterVariablesIntegrationTests {

	private static final String PASSWORD = "cluster-variables-secret";

	private static final List<String> GROUPS = List.of("EAST", "NORTH", "SOUTH");

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationConfigs configs;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private PublishedClusters published;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	private final String prefix = "CV" + UUID.randomUUID().toString().substring(0, 6);

	private SegmentationRun run;

	@BeforeAll
	void runWithAMixOfVariables() {
		SalesTeamFixture.SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		int number = 0;
		for (int g = 0; g < GROUPS.size(); g++) {
			String group = GROUPS.get(g);
			for (int c = 1; c <= 8; c++) {
				Customer customer = this.fixture.customer(this.prefix, group + c, group + " buyer " + c, team.rep());
				// The eighth of each group lives in the next group's region.
				this.jdbc.update("update customers set region = ? where id = ?", GROUPS.get((c == 8) ? (g + 1) % 3 : g),
						customer.getId());
				boolean east = group.equals("EAST");
				int days = east ? 8 + c % 4 : 1 + c % 2;
				for (int day = 1; day <= days; day++) {
					String channel = (east && !(day == 1 && c % 2 == 1)) ? "TMALL" : "STORE";
					order(customer, ++number, String.format("2022-05-%02dT08:00:00Z", day + c), 300 + 40 * c, channel);
				}
				int surveys = east ? 1 + c % 3 : (group.equals("NORTH") ? 1 + c % 2 : 0);
				for (int survey = 1; survey <= surveys; survey++) {
					this.fixture.interaction(customer, Instant.parse("2022-05-2" + survey + "T09:00:00Z"),
							east ? 4 + c % 2 : 1 + c % 2);
				}
			}
		}
		// Only this class's customers bought before the run's date, whatever other tests
		// left in the shared database.
		this.jdbc.update("delete from sales_orders where ordered_at < '2022-07-01' and customer_id not in"
				+ " (select id from customers where code like ?)", this.prefix + "%");
		SegmentationSettings defaults = SegmentationSettings.defaults();
		this.configs.save(new SegmentationSettings(defaults.abc(), 0, defaults.rfm(), defaults.clv(), "CLUSTER", 1,
				Map.of("CLUSTER",
						Map.of("k", 3, "useRecency", 0, "useMonetary", 0, "useAverageOrder", 0, "useTenure", 0,
								"usePredictedClv", 1, "useInteractions", 1, "useSatisfaction", 1, "useOnlineShare", 1,
								"useRegion", 1))),
				"cluster-variables-test");
		this.run = this.runs.runNow(new RunRequest(LocalDate.of(2022, 6, 30), null, RunTrigger.MANUAL, "test"));
	}

	@AfterAll
	void backToTheDefaults() {
		this.configs.save(SegmentationSettings.defaults(), "cluster-variables-test");
	}

	private void order(Customer customer, int number, String at, int amount, String channel) {
		SalesOrder order = new SalesOrder(this.prefix + "-SO" + number, customer.getId(), Instant.parse(at),
				BigDecimal.valueOf(amount), BigDecimal.valueOf(amount / 5), OrderStatus.COMPLETED);
		order.setChannel(channel);
		this.orders.save(order);
	}

	@Test
	void thePlantedGroupsAreTheClusters() {
		assertThat(this.run.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		List<String> found = GROUPS.stream().map(this::tier).toList();
		assertThat(found).doesNotHaveDuplicates().allSatisfy((tier) -> assertThat(tier).startsWith("CLUSTER:C0"));
		for (String group : GROUPS) {
			// The eighth, who lives in another group's region, may go with it.
			assertThat(tiers(group)).hasSize(8);
			assertThat(tiers(group).subList(0, 7)).containsOnly(tier(group));
		}
	}

	@Test
	void theRunKeepsTheVariablesTheMissingCountsAndTheTopRegions() {
		assertThat(this.jdbc.queryForObject("select variable_names from run_clusterings where run_id = ?", String.class,
				this.run.getId()))
			.isEqualTo("frequency,predictedClv,interactions,satisfaction,onlineShare,region");
		PublishedClusters.Report report = this.published.published().orElseThrow();
		assertThat(report.runId()).isEqualTo(this.run.getId());
		assertThat(report.preparation()).isNotNull();
		assertThat(report.preparation().variables()).contains(new VariableSummary("predictedClv", 0, 0, 0),
				new VariableSummary("interactions", 0, 0, 0), new VariableSummary("satisfaction", 8, 0, 0),
				new VariableSummary("onlineShare", 0, 0, 0), new VariableSummary("region", 0, 3, 0));
		assertThat(report.missing()).containsExactly(new VariableSummary("satisfaction", 8, 0, 0));
		for (String group : GROUPS) {
			String classCode = tier(group).substring("CLUSTER:".length());
			PublishedClusters.Cluster cluster = report.clusters()
				.stream()
				.filter((candidate) -> candidate.classCode().equals(classCode))
				.findFirst()
				.orElseThrow();
			assertThat(cluster.categories()).first().satisfies((category) -> {
				assertThat(category.variable()).isEqualTo("region");
				assertThat(category.level()).isEqualTo(group);
				assertThat(category.share()).isGreaterThanOrEqualTo(7 / 9.0);
				assertThat(category.overallShare()).isCloseTo(1 / 3.0, within(1e-9));
			});
			assertThat(cluster.variables()).extracting(PublishedClusters.Variable::name)
				.containsExactly("frequency", "predictedClv", "interactions", "satisfaction", "onlineShare");
		}
	}

	@Test
	void theClustersPageCountsTheMissingValuesAndShowsTheTopRegionsInBothLanguages() throws Exception {
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "-mgr");
		String english = page(Locale.ENGLISH, manager);
		assertThat(english).contains("Average satisfaction: missing for 8 customers, set to the mean.")
			.contains("Top categories")
			.contains("East China")
			.contains("Region: North China");
		String chinese = page(Locale.SIMPLIFIED_CHINESE, manager);
		assertThat(chinese).contains("平均满意度：8 位客户缺失，以均值填补。").contains("主要类别").contains("华东").contains("区域：华北");
	}

	@Test
	void theClassifyApiTakesTheRegionByNameAndRefusesAnUnknownOne() throws Exception {
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "-mgr");
		String east = tier("EAST").substring("CLUSTER:".length());
		String south = tier("SOUTH").substring("CLUSTER:".length());
		assertThat(classify("{\"variables\":{\"frequency\":10,\"predictedClv\":5000,\"interactions\":2,"
				+ "\"satisfaction\":4.5,\"onlineShare\":1,\"region\":\"EAST\"}}", manager, 200))
			.contains("\"classCode\":\"" + east + "\"")
			.contains("\"categories\":{\"region\":[");
		assertThat(classify(
				"{\"variables\":{\"frequency\":1,\"interactions\":0,\"onlineShare\":0," + "\"region\":\"SOUTH\"}}",
				manager, 200))
			.contains("\"classCode\":\"" + south + "\"")
			.contains("\"missingVariables\":[\"predictedClv\",\"satisfaction\"]");
		assertThat(classify("{\"variables\":{\"frequency\":1,\"region\":\"WEST\"}}", manager, 400))
			.contains("api.classify.unknownCategory")
			.contains("\"variable\":\"region\"")
			.contains("EAST")
			.contains("NORTH")
			.contains("SOUTH");
		assertThat(classify("{\"variables\":{\"region\":3}}", manager, 400)).contains("api.classify.unknownCategory");
		assertThat(classify("{\"variables\":{\"frequency\":\"often\"}}", manager, 400))
			.contains("api.classify.notNumber");
	}

	private String tier(String group) {
		return tiers(group).get(0);
	}

	private List<String> tiers(String group) {
		return this.jdbc.queryForList(
				"select s.tier from customer_segments s join customers c on c.id = s.customer_id"
						+ " where s.run_id = ? and c.code like ? order by c.code",
				String.class, this.run.getId(), this.prefix + group + "%");
	}

	private String classify(String body, UserDetails as, int status) throws Exception {
		return this.mvc
			.perform(post("/api/v1/segmentation/classify").contentType("application/json")
				.content(body)
				.locale(Locale.ENGLISH)
				.with(user(as)))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String page(Locale locale, UserDetails as) throws Exception {
		return this.mvc.perform(get("/tiering/clusters").locale(locale).with(user(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
