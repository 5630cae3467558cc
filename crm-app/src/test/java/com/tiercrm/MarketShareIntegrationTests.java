package com.tiercrm;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.tiercrm.customer.Customer;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.market.MarketShares;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Market share on PostgreSQL: a manager enters a region's market size for a period, and
 * the share counts only that region's completed orders within the period (returns
 * deducted, other regions, cancelled orders and days outside left out), in both
 * languages; a bad entry comes back with the reason; reps cannot reach the page.
 */
@SpringBootTest(properties = "tiercrm.demo.enabled=false")
@AutoConfigureMockMvc
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketShareIntegrationTests {

	private static final String PASSWORD = "market-share-secret";

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private MarketShares shares;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ReferenceData references;

	@Autowired
	private UserDetailsService users;

	private final String prefix = "MS" + UUID.randomUUID().toString().substring(0, 6);

	private final String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

	@BeforeAll
	void customersOfARegionWithOrdersInAndOutOfThePeriod() {
		this.references.create(ReferenceKind.REGION,
				new ReferenceEntry(this.region, "Test region " + this.region, "测试地区" + this.region, 99));
		SalesTeamFixture.SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		Customer inside = this.fixture.customer(this.prefix, "IN", "区域内客户", team.rep());
		Customer outside = this.fixture.customer(this.prefix, "OUT", "区域外客户", team.rep());
		this.jdbc.update("update customers set region = ? where id = ?", this.region, inside.getId());
		this.jdbc.update("update customers set region = null where id = ?", outside.getId());
		order(inside, "1", "2026-01-15T04:00:00Z", "30000.00", OrderStatus.COMPLETED);
		order(inside, "2", "2026-03-31T15:00:00Z", "15000.00", OrderStatus.COMPLETED);
		order(inside, "3", "2026-02-01T04:00:00Z", "-5000.00", OrderStatus.COMPLETED);
		order(inside, "4", "2026-02-02T04:00:00Z", "99999.00", OrderStatus.CANCELLED);
		order(inside, "5", "2026-04-01T04:00:00Z", "77777.00", OrderStatus.COMPLETED);
		order(outside, "6", "2026-02-03T04:00:00Z", "88888.00", OrderStatus.COMPLETED);
	}

	private void order(Customer customer, String number, String at, String amount, OrderStatus status) {
		this.orders.save(new SalesOrder(this.prefix + "-SO" + number, customer.getId(), Instant.parse(at),
				new BigDecimal(amount), BigDecimal.ZERO, status));
	}

	@Test
	void aManagerEntersAMarketSizeAndReadsOurShare() throws Exception {
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "-mgr");
		this.mvc
			.perform(post("/tiering/market").param("segment", "REGION|" + this.region)
				.param("start", "2026-01-01")
				.param("end", "2026-03-31")
				.param("amount", "400000")
				.with(csrf())
				.with(user(manager)))
			.andExpect(status().is3xxRedirection());
		// 30,000 + 15,000 (the last day, in Shanghai) - 5,000 of a 400,000 market
		MarketShares.MarketShare share = this.shares.all()
			.stream()
			.filter((s) -> s.code().equals(this.region))
			.findFirst()
			.orElseThrow();
		assertThat(share.revenue()).isEqualByComparingTo("40000.00");
		assertThat(share.share()).isEqualTo(0.1);
		String english = page(manager, Locale.ENGLISH);
		assertThat(english).contains("Region: Test region " + this.region).contains("10.00%");
		assertThat(page(manager, Locale.SIMPLIFIED_CHINESE)).contains("地区：测试地区" + this.region).contains("我方份额");

		String twice = this.mvc
			.perform(post("/tiering/market").param("segment", "REGION|" + this.region)
				.param("start", "2026-01-01")
				.param("end", "2026-03-31")
				.param("amount", "500000")
				.with(csrf())
				.with(user(manager)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(twice).contains("id=\"market-error\"").contains("already has a market size").contains("500000");
		String backwards = this.mvc
			.perform(post("/tiering/market").param("segment", "REGION|" + this.region)
				.param("start", "2026-06-01")
				.param("end", "2026-05-01")
				.param("amount", "1")
				.with(csrf())
				.with(user(manager)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(backwards).contains("ends before it starts");
		this.mvc.perform(get("/tiering/market").with(user(this.users.loadUserByUsername(this.prefix + "-rep"))))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForList("select action from audit_entries where target = ?", String.class,
				"REGION " + this.region))
			.isEqualTo(List.of("MARKET_SIZE_CHANGED"));
		assertThat(LocalDate.of(2026, 3, 31)).isEqualTo(share.end());
	}

	private String page(UserDetails as, Locale locale) throws Exception {
		return this.mvc.perform(get("/tiering/market").locale(locale).with(user(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
