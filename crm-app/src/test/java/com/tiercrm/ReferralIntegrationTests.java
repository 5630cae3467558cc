package com.tiercrm;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.customer.Customer;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.insight.ReferralCounts;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Referrals on PostgreSQL: the evaluation counts, per tier of a run, the customers who
 * referred a customer acquired in the row's period, and shows the referral rate.
 */
@SpringBootTest(properties = "tiercrm.demo.enabled=false")
@AutoConfigureMockMvc
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferralIntegrationTests {

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private ReferralCounts referrals;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private UserDetailsService users;

	private final String prefix = "RF" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private SegmentationRun run;

	/**
	 * A day long before any customer stored so far, so that the customers other tests
	 * (and earlier runs of this one) acquired stay out of its periods.
	 */
	private LocalDate day;

	/**
	 * A and B are referrers: A of two customers acquired on the day, B of one acquired
	 * 400 days before; C referred nobody.
	 */
	@BeforeAll
	void referrersAndARun() {
		java.sql.Timestamp first = this.jdbc.queryForObject("select min(created_at) from customers",
				java.sql.Timestamp.class);
		this.day = ((first != null) ? first.toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()
				: LocalDate.now())
			.minusDays(1000);
		this.team = this.fixture.create(this.prefix, "referral-secret");
		Instant now = Instant.now();
		Map<String, Customer> customers = new java.util.HashMap<>();
		for (String code : new String[] { "-A", "-B", "-C" }) {
			Customer customer = this.fixture.customer(this.prefix, code, "推荐 " + code, this.team.rep());
			this.orders.save(new SalesOrder(this.prefix + code + "-SO", customer.getId(),
					now.minus(10, ChronoUnit.DAYS), new BigDecimal(900), BigDecimal.TEN, OrderStatus.COMPLETED));
			customers.put(code, customer);
		}
		Instant noon = this.day.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
		refer("-N1", customers.get("-A"), noon);
		refer("-N2", customers.get("-A"), noon.plus(11, ChronoUnit.HOURS));
		refer("-O1", customers.get("-B"), noon.minus(400, ChronoUnit.DAYS));
		this.run = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
	}

	private void refer(String code, Customer referrer, Instant createdAt) {
		Customer referred = this.fixture.customer(this.prefix, code, "新客 " + code, this.team.rep());
		this.jdbc.update("update customers set referred_by_id = ?, created_at = ? where id = ?", referrer.getId(),
				java.sql.Timestamp.from(createdAt), referred.getId());
	}

	@Test
	@Order(1)
	void countsTheReferrersOfCustomersAcquiredInThePeriodPerTier() {
		String tierOfA = tierOf("-A");
		String tierOfB = tierOf("-B");
		long run = this.run.getId();
		// The day alone (23:00 Shanghai time included): A, once for two customers.
		assertThat(this.referrals.referrers(run, this.day.minusDays(1), this.day)).containsOnly(Map.entry(tierOfA, 1L));
		Map<String, Long> since = this.referrals.referrers(run, this.day.minusDays(401), this.day);
		if (tierOfA.equals(tierOfB)) {
			assertThat(since).containsOnly(Map.entry(tierOfA, 2L));
		}
		else {
			assertThat(since).containsOnly(Map.entry(tierOfA, 1L), Map.entry(tierOfB, 1L));
		}
		// Periods just before and just after find none of them.
		assertThat(this.referrals.referrers(run, this.day.minusDays(3), this.day.minusDays(1))).isEmpty();
		assertThat(this.referrals.referrers(run, this.day, this.day.plusDays(3))).isEmpty();
	}

	@Test
	void theEvaluationShowsTheReferralRateInBothLanguages() throws Exception {
		for (String language : new String[] { "en", "zh-CN" }) {
			String html = this.mvc
				.perform(get("/tiering/evaluation").header("Accept-Language", language)
					.with(user(this.users.loadUserByUsername(this.prefix + "-mgr"))))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			Document page = Jsoup.parse(html);
			assertThat(page.select("th").eachText()).contains(language.equals("en") ? "Referral rate" : "推荐率");
			assertThat(page.select("td.referral-rate").eachText()).anySatisfy((rate) -> assertThat(rate).endsWith("%"));
			assertThat(page.selectFirst("#referral-note")).isNotNull();
		}
	}

	@Test
	@Order(2) // its customers, acquired now, would count as referrals above
	void theApiAndTheFormSetTheReferrerByCode() throws Exception {
		org.springframework.security.core.userdetails.UserDetails rep = this.users
			.loadUserByUsername(this.prefix + "-rep");
		String refused = this.mvc
			.perform(post("/api/v1/customers?allowDuplicate=true").with(user(rep))
				.contentType("application/json")
				.content("{\"name\":\"推荐新客\",\"type\":\"ENTERPRISE\",\"referredBy\":\"" + this.prefix + "-NOPE\"}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("referredBy");
		this.mvc
			.perform(post("/api/v1/customers?allowDuplicate=true").with(user(rep))
				.contentType("application/json")
				.content("{\"code\":\"" + this.prefix + "-API\",\"name\":\"推荐新客\",\"type\":\"ENTERPRISE\","
						+ "\"referredBy\":\"" + this.prefix + "-C\"}"))
			.andExpect(status().isCreated());
		assertThat(referrerOf("-API")).isEqualTo(this.prefix + "-C");
		this.mvc
			.perform(post("/customers/" + this.prefix + "-API/edit").with(user(rep))
				.with(csrf())
				.param("name", "推荐新客")
				.param("type", "ENTERPRISE")
				.param("referredBy", this.prefix + "-B")
				.param("version",
						String.valueOf(this.jdbc.queryForObject("select version from customers where code = ?",
								Long.class, this.prefix + "-API"))))
			.andExpect(status().is3xxRedirection());
		assertThat(referrerOf("-API")).isEqualTo(this.prefix + "-B");
		String json = this.mvc.perform(get("/api/v1/customers/" + this.prefix + "-API").with(user(rep)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(json).contains("\"referredBy\":\"" + this.prefix + "-B\"");
	}

	private String referrerOf(String code) {
		return this.jdbc.queryForObject(
				"select r.code from customers c join customers r on r.id = c.referred_by_id" + " where c.code = ?",
				String.class, this.prefix + code);
	}

	private String tierOf(String code) {
		return this.jdbc
			.queryForObject("select s.tier from customer_segments s join customers c on c.id = s.customer_id"
					+ " where s.run_id = ? and c.code = ?", String.class, this.run.getId(), this.prefix + code);
	}

}
