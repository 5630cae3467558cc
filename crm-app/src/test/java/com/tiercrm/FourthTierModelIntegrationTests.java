package com.tiercrm;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.tiercrm.account.Role;
import com.tiercrm.customer.Customer;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.Reason;
import com.tiercrm.tiering.run.Classification;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TierClass;
import com.tiercrm.tiering.run.TierModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A fourth tier model is one class: registered as a bean, it is run, its classes become
 * tiers with policies, and the lists, the export, the dashboard and the customer page
 * show them, with no change to any of those. The model here puts customers who bought on
 * two days or more in one tier and the rest in another.
 */
@SpringBootTest(properties = "tiercrm.demo.enabled=false")
@AutoConfigureMockMvc
@UsePostgres
@Import({ SalesTeamFixture.class, FourthTierModelIntegrationTests.HabitModelConfiguration.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FourthTierModelIntegrationTests {

	private static final String PASSWORD = "fourth-model-secret";

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationConfigs configs;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	private final String prefix = "M4" + UUID.randomUUID().toString().substring(0, 6);

	private SegmentationRun run;

	@BeforeAll
	void runWithTheHabitModel() {
		SalesTeamFixture.SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		Customer regular = this.fixture.customer(this.prefix, "REG", "Regular Trading", team.rep());
		Customer occasional = this.fixture.customer(this.prefix, "OCC", "Occasional Trading", team.rep());
		this.fixture.customer(this.prefix, "NONE", "Never Bought Trading", team.rep());
		order(regular, "1", "2025-03-01T08:00:00Z");
		order(regular, "2", "2025-04-01T08:00:00Z");
		order(occasional, "3", "2025-04-02T08:00:00Z");
		SegmentationSettings defaults = SegmentationSettings.defaults();
		this.configs.save(new SegmentationSettings(defaults.abc(), 0, defaults.rfm(), defaults.clv(), "HABIT", 1),
				"fourth-model-test");
		this.run = this.runs.runNow(new RunRequest(LocalDate.of(2025, 6, 30), null, RunTrigger.MANUAL, "test"));
	}

	@AfterAll
	void backToTheDefaults() {
		this.configs.save(SegmentationSettings.defaults(), "fourth-model-test");
		// The test database is shared: other tests know three models.
		this.jdbc.update("delete from customer_model_results where model = 'HABIT'");
		this.jdbc.update("delete from tier_policy_versions where tier_code like 'HABIT:%'");
		this.jdbc.update("delete from tier_policies where tier_code like 'HABIT:%'");
		this.jdbc.update("delete from tiers where model = 'HABIT'");
	}

	private void order(Customer customer, String number, String at) {
		this.orders.save(new SalesOrder(this.prefix + "-SO" + number, customer.getId(), Instant.parse(at),
				new BigDecimal("500.00"), new BigDecimal("100.00"), OrderStatus.COMPLETED));
	}

	@Test
	void theModelsClassesAreTiersWithPoliciesAndItsResultsAreStored() {
		assertThat(this.run.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(this.jdbc.queryForList("select code from tiers where model = 'HABIT' order by rank_order",
				String.class))
			.containsExactly("HABIT:REGULAR", "HABIT:OCCASIONAL", "HABIT:NO_PURCHASE");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from tier_policies where tier_code like 'HABIT:%' and current_version = 1",
				Integer.class))
			.isEqualTo(3);
		assertThat(this.jdbc.queryForList(
				"select s.tier from customer_segments s join customers c"
						+ " on c.id = s.customer_id where s.run_id = ? and c.code like ? order by c.code",
				String.class, this.run.getId(), this.prefix + "%"))
			.containsExactly("HABIT:NO_PURCHASE", "HABIT:OCCASIONAL", "HABIT:REGULAR");
		assertThat(this.jdbc.queryForList(
				"select m.class_code || ' ' || m.score || ' ' || m.reason"
						+ " from customer_model_results m join customers c on c.id = m.customer_id"
						+ " where m.run_id = ? and m.model = 'HABIT' and c.code = ?",
				String.class, this.run.getId(), this.prefix + "REG"))
			.containsExactly("REGULAR 2 customer.facts.purchaseDays|2");
		// On PostgreSQL in a partition of the run's own, dropped with the run.
		assertThat(this.jdbc.queryForList("select inhrelid::regclass::text from pg_inherits"
				+ " where inhparent = 'customer_model_results'::regclass", String.class))
			.contains("customer_model_results_r" + this.run.getId());
	}

	@Test
	void listsExportAndDashboardShowTheNewTiersInBothLanguages() throws Exception {
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "-mgr");
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			boolean chinese = locale.getLanguage().equals("zh");
			String regular = chinese ? "常客" : "Regular buyer";
			String list = page("/customers?tier=HABIT:REGULAR&q=" + this.prefix, locale, manager);
			assertThat(list).contains(this.prefix + "REG").doesNotContain(this.prefix + "OCC").contains(regular);
			String export = page("/customers/export.csv?q=" + this.prefix, locale, manager);
			assertThat(export).contains(this.prefix + "REG").contains(regular);
			String dashboard = page("/dashboard", locale, manager);
			assertThat(dashboard).contains(chinese ? "购买习惯" : "Buying habit").contains(regular);
			String customer = page("/customers/" + this.prefix + "REG", locale, manager);
			assertThat(customer).contains("id=\"model-HABIT\"").contains(chinese ? "购买习惯" : "Buying habit");
			assertThat(customer.substring(customer.indexOf("id=\"model-HABIT\""))).contains(regular);
		}
	}

	private String page(String path, Locale locale, UserDetails as) throws Exception {
		return this.mvc.perform(get(path).locale(locale).with(user(as)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HabitModelConfiguration {

		@Bean
		TierModel habitModel() {
			return new HabitModel();
		}

	}

	/** Buying on two days or more makes a regular. */
	static final class HabitModel implements TierModel {

		@Override
		public String code() {
			return "HABIT";
		}

		@Override
		public String labelEn() {
			return "Buying habit";
		}

		@Override
		public String labelZh() {
			return "购买习惯";
		}

		@Override
		public List<TierClass> classes() {
			return List.of(new TierClass("REGULAR", "Regular buyer", "常客"),
					new TierClass("OCCASIONAL", "Occasional buyer", "偶尔购买"),
					new TierClass(NO_PURCHASE, "No purchase yet", "尚未购买"));
		}

		@Override
		public Classification classify(List<CustomerFacts> facts, SegmentationSettings settings) {
			Classification results = new Classification(this, facts.size());
			for (int i = 0; i < facts.size(); i++) {
				CustomerFacts customer = facts.get(i);
				String habit = !customer.hasPurchased() ? NO_PURCHASE
						: (customer.purchaseDays() >= 2) ? "REGULAR" : "OCCASIONAL";
				results.set(i, habit, customer.purchaseDays(),
						Reason.of("customer.facts.purchaseDays", customer.purchaseDays()));
			}
			return results;
		}

	}

}
