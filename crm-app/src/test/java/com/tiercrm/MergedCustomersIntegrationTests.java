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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.AccessScope;
import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.book.BookEntry;
import com.tiercrm.book.RepBooks;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerManagement;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.ownership.CustomerMergedException;
import com.tiercrm.ownership.CustomerReassignments;
import com.tiercrm.search.GlobalSearch;
import com.tiercrm.search.SearchResults.CustomerHit;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.tiering.list.TieredSort;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A customer merged into another is gone from daily work (the list and its total,
 * exports, the book, global search, reassignment selections and the next run) while its
 * own page still opens and links to the customer it was merged into. Subclasses pick the
 * database.
 */
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MergedCustomersIntegrationTests {

	private static final String PASSWORD = "merged-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private TieredCustomerSearch search;

	@Autowired
	private GlobalSearch globalSearch;

	@Autowired
	private RepBooks books;

	@Autowired
	private CustomerReassignments reassignments;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApiTokenManagement tokens;

	private final String prefix = "MG" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private Customer merged;

	@BeforeAll
	void mergeACustomerAfterARun() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		Instant now = Instant.now();
		for (String code : List.of("-K", "-M", "-X")) {
			Customer customer = this.fixture.customer(this.prefix, code, "合并 " + code, this.team.rep());
			this.orders.save(new SalesOrder(this.prefix + code + "-SO", customer.getId(),
					now.minus(30, ChronoUnit.DAYS), new BigDecimal(500), BigDecimal.TEN, OrderStatus.COMPLETED));
			if (code.equals("-M")) {
				this.merged = customer;
			}
		}
		this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		this.customers.merge(this.prefix + "-M", this.prefix + "-K", this.team.manager().getId(),
				AccessScope.team(this.team.manager().getId()));
	}

	@Test
	void theListItsTotalAndTheExportLeaveTheMergedCustomerOut() throws Exception {
		AccessScope rep = AccessScope.own(this.team.rep().getId());
		for (TieredSort sort : List.of(TieredSort.NAME_ASC, TieredSort.CLV_DESC, TieredSort.MONETARY_DESC)) {
			TieredCriteria criteria = new TieredCriteria(this.prefix, null, null, null, null, null, null, null, null,
					sort, null, 50);
			assertThat(this.search.search(criteria, rep).items()).as(sort.name())
				.extracting(TieredCustomer::code)
				.containsExactlyInAnyOrder(this.prefix + "-K", this.prefix + "-X");
			assertThat(this.search.total(criteria, rep).count()).isEqualTo(2);
		}
		Browser browser = new Browser();
		browser.login(this.prefix + "-rep");
		String csv = browser.get("/customers/export.csv?q=" + this.prefix).body();
		assertThat(csv).contains(this.prefix + "-K", this.prefix + "-X").doesNotContain(this.prefix + "-M");
	}

	@Test
	void theBookAndTheGlobalSearchLeaveTheMergedCustomerOut() {
		AccessScope rep = AccessScope.own(this.team.rep().getId());
		assertThat(this.books.book(this.team.rep().getId(), rep, 1).entries()).extracting(BookEntry::code)
			.containsExactlyInAnyOrder(this.prefix + "-K", this.prefix + "-X");
		assertThat(this.globalSearch.search(this.prefix, rep, 10).customers()).extracting(CustomerHit::code)
			.containsExactlyInAnyOrder(this.prefix + "-K", this.prefix + "-X");
		assertThat(this.globalSearch.search(this.prefix + "-M", rep, 10).customers()).isEmpty();
	}

	@Test
	void reassignmentSelectionsLeaveTheMergedCustomerWhereItIs() {
		AccessScope manager = AccessScope.team(this.team.manager().getId());
		TieredCriteria criteria = new TieredCriteria(this.prefix, null, null, null, null, null, null, null, null,
				TieredSort.NAME_ASC, null, 50);
		assertThat(this.reassignments.countMatching(criteria, manager)).isEqualTo(2);
		// Named by code, alone or among others, it is refused rather than left out
		// silently.
		long other = this.team.otherRep().getId();
		assertThatExceptionOfType(CustomerMergedException.class)
			.isThrownBy(() -> this.reassignments.reassignOne(this.prefix + "-M", other, manager))
			.satisfies((ex) -> assertThat(ex.codes()).containsExactly(this.prefix + "-M"));
		assertThatExceptionOfType(CustomerMergedException.class).isThrownBy(() -> this.reassignments
			.reassignSelected(List.of(this.prefix + "-X", this.prefix + "-M"), other, manager));
		assertThat(this.jdbc.queryForList("select owner_id from customers where code in (?, ?)", Long.class,
				this.prefix + "-M", this.prefix + "-X"))
			.containsOnly(this.team.rep().getId());
	}

	@Test
	void aMergedCustomerIsNotReassignedByItsPageNorByTheApi() throws Exception {
		String code = this.prefix + "-M";
		long other = this.team.otherRep().getId();
		Browser browser = new Browser();
		browser.login(this.prefix + "-mgr");
		String page = browser.get("/customers/" + code).body();
		assertThat(Jsoup.parse(page).selectFirst("#reassign-one")).as("no reassignment form").isNull();
		HttpResponse<String> posted = browser.post("/customers/" + code + "/owner", "newOwner=" + other, page);
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/customers/" + code));
		Element error = Jsoup.parse(browser.get("/customers/" + code).body()).selectFirst("#reassign-error");
		assertThat(error).isNotNull();
		assertThat(error.text()).contains("merged into another one");

		String token = this.tokens
			.issue(this.team.manager().getId(), "merged", ApiTokenAccess.READ_WRITE, Duration.ofHours(1))
			.secret();
		HttpResponse<String> api = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url("/api/v1/reassignments"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header("Accept-Language", "zh-CN")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"toOwner\": " + other + ", \"customers\": [\"" + code + "\"]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(409);
		assertThat(api.body()).contains("ownership.merged", code, "该客户已合并到其他客户");
		assertThat(this.jdbc.queryForObject("select owner_id from customers where id = ?", Long.class,
				this.merged.getId()))
			.isEqualTo(this.team.rep().getId());
	}

	@Test
	void theOwnersFiguresOfThePublishedRunLeaveTheMergedCustomerOutAtOnce() {
		Long run = this.jdbc.queryForObject("select published_run_id from segmentation_state", Long.class);
		long rep = this.team.rep().getId();
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from customer_segments s join customers c"
								+ " on c.id = s.customer_id where s.run_id = ? and c.owner_id = ?",
						Long.class, run, rep))
			.as("the run tiered the three")
			.isEqualTo(3);
		assertThat(this.jdbc.queryForObject(
				"select sum(customers) from owner_figures where run_id = ? and owner_id = ?", Long.class, run, rep))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"select sum(customers) from owner_revenue_bands where run_id = ? and owner_id = ?", Long.class, run,
				rep))
			.isEqualTo(2);
	}

	@Test
	@Order(Integer.MAX_VALUE) // the others see the run made before the merge
	void theNextRunLeavesTheMergedCustomerOut() {
		SegmentationRun run = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(this.jdbc.queryForList(
				"select c.code from customer_segments s join customers c on c.id = s.customer_id"
						+ " where s.run_id = ? and c.code like ? order by c.code",
				String.class, run.getId(), this.prefix + "%"))
			.containsExactly(this.prefix + "-K", this.prefix + "-X");
	}

	@Test
	void theMergedCustomersPageLinksToTheCustomerItWasMergedInto() throws Exception {
		Browser browser = new Browser();
		browser.login(this.prefix + "-mgr");
		HttpResponse<String> page = browser.get("/customers/" + this.prefix + "-M");
		assertThat(page.statusCode()).isEqualTo(200);
		Element link = Jsoup.parse(page.body()).selectFirst("#merged-into-link");
		assertThat(link).isNotNull();
		assertThat(link.text()).isEqualTo(this.prefix + "-K");
		assertThat(link.attr("href")).endsWith("/customers/" + this.prefix + "-K");
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * A cookie-keeping client that logs in through the form, CSRF token included.
	 */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** A form posted with the CSRF token of a page this client read. */
		HttpResponse<String> post(String path, String form, String page) throws IOException, InterruptedException {
			String csrf = Jsoup.parse(page).selectFirst("input[name=_csrf]").attr("value");
			return this.client.send(HttpRequest.newBuilder(url(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers
					.ofString(form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		void login(String username) throws IOException, InterruptedException {
			String csrf = Jsoup.parse(get("/login").body()).selectFirst("input[name=_csrf]").attr("value");
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
