package com.tiercrm;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.AccessScope;
import com.tiercrm.book.RunBookKeys;
import com.tiercrm.customer.Customer;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.tiering.list.AliveBand;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.tiering.list.TieredSort;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.today.CustomerMove;
import com.tiercrm.today.Today;
import com.tiercrm.today.TodayAgenda;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One churn threshold, {@code tiercrm.dashboard.churn-threshold}, here set to 0.5: the
 * customer list's "unlikely" band, the Today page's customers who fell below it and the
 * words of both follow it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "tiercrm.demo.enabled=false",
		"tiercrm.dashboard.churn-threshold=0.5",
		"spring.datasource.url=jdbc:h2:mem:churn-threshold;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" })
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChurnThresholdIntegrationTests {

	private static final String PASSWORD = "threshold-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private TieredCustomerSearch search;

	@Autowired
	private TodayAgenda today;

	@Autowired
	private RunBookKeys bookKeys;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "CT" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	/**
	 * Two runs; the probabilities alive are set: 0.8 in the first, these in the second.
	 */
	@BeforeAll
	void twoRunsWithKnownProbabilities() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		Instant now = Instant.now();
		Map<String, Double> alive = Map.of("-A", 0.4, "-B", 0.2, "-C", 0.6);
		for (String code : alive.keySet()) {
			Customer customer = this.fixture.customer(this.prefix, code, "阈值 " + code, this.team.rep());
			this.orders.save(new SalesOrder(this.prefix + code + "-SO", customer.getId(),
					now.minus(60, ChronoUnit.DAYS), new BigDecimal(800), BigDecimal.TEN, OrderStatus.COMPLETED));
		}
		long first = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null)).getId();
		long second = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null)).getId();
		for (Map.Entry<String, Double> customer : alive.entrySet()) {
			long id = this.jdbc.queryForObject("select id from customers where code = ?", Long.class,
					this.prefix + customer.getKey());
			this.jdbc.update("update customer_segments set p_alive = 0.8 where run_id = ? and customer_id = ?", first,
					id);
			this.jdbc.update("update customer_segments set p_alive = ? where run_id = ? and customer_id = ?",
					customer.getValue(), second, id);
		}
		// The run's rows were changed after its publication: the book's keys are written
		// again from them, as the publication writes them.
		this.bookKeys.rebuild(second);
	}

	@Test
	void theListsBandsAndTodayUseTheConfiguredThreshold() {
		AccessScope rep = AccessScope.own(this.team.rep().getId());
		assertThat(band(AliveBand.LOW, rep)).containsExactly(this.prefix + "-A", this.prefix + "-B");
		assertThat(band(AliveBand.MEDIUM, rep)).containsExactly(this.prefix + "-C");
		assertThat(band(AliveBand.HIGH, rep)).isEmpty();
		Today day = this.today.today(this.team.rep().getId(), rep, Instant.now().plus(1, ChronoUnit.DAYS), 10);
		assertThat(day.threshold()).isEqualTo(0.5);
		assertThat(day.fellBelow().items()).extracting(CustomerMove::code)
			.containsExactlyInAnyOrder(this.prefix + "-A", this.prefix + "-B");
		assertThat(this.search.filterOptions().aliveThreshold()).isEqualTo(0.5);
	}

	@Test
	void theListAndTodayNameTheThreshold() throws Exception {
		Browser browser = new Browser();
		browser.login(this.prefix + "-rep");
		Document list = Jsoup.parse(browser.get("/customers", "en").body());
		assertThat(list.selectFirst("#alive option[value=LOW]").text()).isEqualTo("Unlikely (below 50%)");
		assertThat(list.selectFirst("#alive option[value=MEDIUM]").text()).isEqualTo("Uncertain (50%–70%)");
		Document today = Jsoup.parse(browser.get("/today", "zh-CN").body());
		assertThat(today.selectFirst("#all-at-risk").text()).contains("低于 50%");
	}

	private List<String> band(AliveBand band, AccessScope scope) {
		return this.search
			.search(new TieredCriteria(this.prefix, null, null, null, null, null, null, null, band, TieredSort.NAME_ASC,
					null, 50), scope)
			.items()
			.stream()
			.map(TieredCustomer::code)
			.toList();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * A cookie-keeping client that logs in through the form, CSRF token included.
	 */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(url(path))
				.header("Accept", "text/html")
				.header("Accept-Language", language)
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		void login(String username) throws IOException, InterruptedException {
			String csrf = Jsoup.parse(get("/login", "en").body()).selectFirst("input[name=_csrf]").attr("value");
			String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(url("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		}

	}

}
