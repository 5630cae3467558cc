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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.AccessScope;
import com.tiercrm.customer.Customer;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.tiering.list.ListTotal;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.tiering.list.TieredCustomerSearch;
import com.tiercrm.tiering.list.TieredPage;
import com.tiercrm.tiering.list.TieredSort;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer page and {@code /api/v1/customers} are one search: for the same query they
 * list the same customers in the same order, a rep's tier filter stays within the rep's
 * customers, and a cursor of one sort is refused by another. Subclasses pick the
 * database.
 */
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomerSearchIntegrationTests {

	private static final String PASSWORD = "search-secret";

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

	private final String prefix = "CS" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	@BeforeAll
	void createCustomersAndPublishARun() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		Instant now = Instant.now();
		for (int i = 1; i <= 12; i++) {
			Customer customer = this.fixture.customer(this.prefix, "-%02d".formatted(i), "客户 " + i,
					(i % 3 == 0) ? this.team.otherRep() : this.team.rep());
			for (int n = 0; n < i % 5; n++) {
				this.orders.save(new SalesOrder(this.prefix + "-SO" + i + "-" + n, customer.getId(),
						now.minus(20L * i + 45L * n, ChronoUnit.DAYS), new BigDecimal(100 * i * i), BigDecimal.TEN,
						OrderStatus.COMPLETED));
			}
		}
		assertThat(this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null)).getStatus())
			.isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void pageAndApiListTheSameCustomersForTheSameQuery() throws Exception {
		String rep = this.prefix + "-rep";
		String topTier = JsonPath.read(api("?q=" + this.prefix + "&sort=MONETARY_DESC&size=1", rep).body(),
				"$.items[0].tier");
		Browser browser = new Browser();
		browser.login(rep, PASSWORD);
		int listed = 0;
		for (String query : List.of("q=" + this.prefix, "q=" + this.prefix + "&sort=MONETARY_DESC&size=4",
				"q=" + this.prefix + "&sort=RECENCY_ASC", "q=" + this.prefix + "&sort=CLV_DESC&alive=HIGH",
				"q=" + this.prefix + "&tier=" + URLEncoder.encode(topTier, StandardCharsets.UTF_8)
						+ "&sort=MONETARY_DESC",
				"q=" + this.prefix + "&abc=A&sort=NAME_DESC",
				"tier=" + URLEncoder.encode(topTier, StandardCharsets.UTF_8) + "&sort=MONETARY_DESC&size=200")) {
			HttpResponse<String> page = browser.get("/customers?" + query);
			assertThat(page.statusCode()).as(query).isEqualTo(200);
			List<String> onPage = Jsoup.parse(page.body())
				.select("tbody td:first-child a")
				.stream()
				.map((link) -> link.text())
				.toList();
			HttpResponse<String> json = api("?" + query, rep);
			assertThat(json.statusCode()).as(query).isEqualTo(200);
			List<String> inApi = JsonPath.read(json.body(), "$.items[*].code");
			assertThat(inApi).as(query).isEqualTo(onPage);
			listed += onPage.size();
		}
		// The rep's eight customers by name, the first four by spend, all eight by
		// recency.
		assertThat(listed).isGreaterThanOrEqualTo(8 + 4 + 8);
	}

	@Test
	void aRepsTierFilterOnTheApiKeepsToTheRepsCustomers() throws Exception {
		String rep = this.prefix + "-rep";
		String manager = this.prefix + "-mgr";
		// The tiers the rep's own customers are in: which tiers those are depends on
		// every
		// customer in the database (ABC is relative), so it is read, not assumed.
		List<String> tiers = JsonPath.read(api("?q=" + this.prefix + "&size=200", rep).body(), "$.items[*].tier");
		int checked = 0;
		for (String tier : tiers.stream().distinct().toList()) {
			String query = "?tier=" + URLEncoder.encode(tier, StandardCharsets.UTF_8) + "&sort=MONETARY_DESC&size=200";
			String body = api(query, rep).body();
			List<Number> owners = JsonPath.read(body, "$.items[*].ownerId");
			List<String> itemTiers = JsonPath.read(body, "$.items[*].tier");
			assertThat(owners).as(tier)
				.allSatisfy((owner) -> assertThat(owner.longValue()).isEqualTo(this.team.rep().getId()));
			assertThat(itemTiers).as(tier).containsOnly(tier);
			List<String> teamCodes = JsonPath.read(api(query, manager).body(), "$.items[*].code");
			List<String> repCodes = JsonPath.read(body, "$.items[*].code");
			assertThat(teamCodes).as(tier).containsAll(repCodes);
			checked += repCodes.size();
		}
		assertThat(checked).isEqualTo(8);
		String others = api("?q=" + this.prefix + "&owner=" + this.team.otherRep().getId(), rep).body();
		assertThat(JsonPath.<List<String>>read(others, "$.items[*].code")).isEmpty();
	}

	/**
	 * A fragment of one or two characters finds the names holding it anywhere and the
	 * codes starting with it, whatever the case, in name order and page by page both
	 * ways, across everyone's customers as across a rep's. Everyone's customers include
	 * those other tests and earlier runs left, so only this test's own are compared.
	 */
	@Test
	void aShortFragmentFindsNamesHoldingItAndCodesStartingWithIt() {
		String own = "SF" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		this.fixture.customer(own, "-1", "甲龘", this.team.rep());
		this.fixture.customer(own, "-2", "龘乙", this.team.otherRep());
		this.fixture.customer(own, "-3", "戊龘靐", this.team.rep());
		this.fixture.customer(own, "-4", "丙丁", this.team.rep());
		this.fixture.customer("靐龘" + own, "-5", "己庚", this.team.otherRep());
		AccessScope everyone = AccessScope.all(this.team.manager().getId());
		AccessScope rep = AccessScope.own(this.team.rep().getId());

		assertThat(walk("龘", everyone, own)).extracting(TieredCustomer::name).containsExactly("戊龘靐", "甲龘", "龘乙");
		assertThat(this.search.total(criteria("龘", null, 2), everyone)).satisfies((total) -> {
			assertThat(total.exact()).isTrue();
			assertThat(total.count()).isGreaterThanOrEqualTo(3);
		});
		assertThat(walk("龘", rep, own)).extracting(TieredCustomer::name).containsExactly("戊龘靐", "甲龘");
		assertThat(this.search.total(criteria("龘", null, 2), rep)).isEqualTo(new ListTotal(2, true));
		assertThat(walk("龘靐", everyone, own)).extracting(TieredCustomer::name).containsExactly("戊龘靐");
		assertThat(walk("靐龘", everyone, "靐龘" + own)).extracting(TieredCustomer::name).containsExactly("己庚");
		assertThat(walk(own.toLowerCase(Locale.ROOT), rep, own)).extracting(TieredCustomer::name)
			.containsExactly("丙丁", "戊龘靐", "甲龘");
	}

	/**
	 * Every row of a search, two at a time forwards, then checked against the same walked
	 * backwards; those whose code starts with {@code codePrefix}.
	 */
	private List<TieredCustomer> walk(String text, AccessScope scope, String codePrefix) {
		List<TieredCustomer> rows = new ArrayList<>();
		List<TieredPage> pages = new ArrayList<>();
		TieredPage page = this.search.search(criteria(text, null, 2), scope);
		pages.add(page);
		rows.addAll(page.items());
		while (page.next() != null) {
			page = this.search.search(criteria(text, page.next(), 2), scope);
			pages.add(page);
			rows.addAll(page.items());
		}
		for (int i = pages.size() - 1; i > 0; i--) {
			TieredPage before = this.search.search(criteria(text, pages.get(i).previous(), 2), scope);
			assertThat(before.items()).as(text).isEqualTo(pages.get(i - 1).items());
		}
		assertThat(rows).as(text)
			.isSortedAccordingTo(Comparator.comparing(TieredCustomer::name).thenComparingLong(TieredCustomer::id));
		return rows.stream().filter((row) -> row.code().startsWith(codePrefix)).toList();
	}

	private static TieredCriteria criteria(String text, String cursor, int size) {
		return new TieredCriteria(text, null, null, null, null, null, null, null, null, TieredSort.NAME_ASC, cursor,
				size);
	}

	@Test
	void aCursorOfOneSortIsRefusedByAnother() throws Exception {
		String rep = this.prefix + "-rep";
		String next = JsonPath.read(api("?q=" + this.prefix + "&sort=NAME_ASC&size=2", rep).body(), "$.next");
		assertThat(next).isNotNull();
		List<String> following = new ArrayList<>(JsonPath
			.read(api("?q=" + this.prefix + "&sort=NAME_ASC&size=2&cursor=" + next, rep).body(), "$.items[*].code"));
		assertThat(following).hasSize(2);
		HttpResponse<String> refused = api("?q=" + this.prefix + "&sort=MONETARY_DESC&size=2&cursor=" + next, rep,
				"zh-CN");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<String>read(refused.body(), "$.detail")).contains("分页链接无效");
		Browser browser = new Browser();
		browser.login(rep, PASSWORD);
		assertThat(browser.get("/customers?sort=CLV_DESC&cursor=" + next).statusCode()).isEqualTo(400);
	}

	@Test
	void theApiDescriptionNamesTheFiltersAndTheTierFields() throws Exception {
		Browser browser = new Browser();
		browser.login(this.prefix + "-rep", PASSWORD);
		String docs = browser.json("/v3/api-docs").body();
		List<String> parameters = JsonPath.read(docs, "$.paths['/api/v1/customers'].get.parameters[*].name");
		assertThat(parameters).containsExactlyInAnyOrder("q", "owner", "region", "industry", "tier", "abc", "rfm",
				"clv", "alive", "sort", "cursor", "size");
		List<String> sortPattern = JsonPath.read(docs,
				"$.paths['/api/v1/customers'].get.parameters[?(@.name == 'sort')].schema.pattern");
		assertThat(sortPattern).singleElement().asString().contains("MONETARY_DESC", "CLV_DESC");
		List<String> item = new ArrayList<>(
				JsonPath.<java.util.Map<String, Object>>read(docs, "$.components.schemas.TieredCustomer.properties")
					.keySet());
		assertThat(item).contains("code", "phoneDisplay", "tier", "abcClass", "rfmSegment", "clvClass", "monetary",
				"recencyDays", "clvPredicted", "probabilityAlive");
		assertThat(
				JsonPath.<java.util.Map<String, Object>>read(docs, "$.components.schemas.CustomerListJson.properties"))
			.containsKeys("items", "next", "previous", "currency");
	}

	private HttpResponse<String> api(String query, String username) throws IOException, InterruptedException {
		return api(query, username, "en");
	}

	private HttpResponse<String> api(String query, String username, String language)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url("/api/v1/customers" + query))
				.header("Authorization", "Basic " + basic)
				.header("Accept-Language", language)
				.build(), HttpResponse.BodyHandlers.ofString());
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

		HttpResponse<String> json(String path) throws IOException, InterruptedException {
			return this.client.send(HttpRequest.newBuilder(url(path)).header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		void login(String username, String password) throws IOException, InterruptedException {
			String csrf = Jsoup.parse(get("/login").body()).selectFirst("input[name=_csrf]").attr("value");
			String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
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
