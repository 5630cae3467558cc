package com.tiercrm;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.Customer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/search} finds what the search page finds, in the same order and within
 * each role's scope; {@code /api/v1/saved-views} shows, saves and deletes views by the
 * list's rules (a private view is its owner's alone, a shared one its team's, only the
 * owner deletes). Subclasses pick the database.
 */
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchAndSavedViewApiIntegrationTests {

	private static final String PASSWORD = "api-search-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private UserRepository users;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "SV" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private String outsider;

	@BeforeAll
	void createTwoTeamsWithCustomers() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		SalesTeam other = this.fixture.create(this.prefix + "o", PASSWORD);
		this.outsider = this.prefix + "o-rep";
		User head = this.fixture.user(this.prefix, "head", Role.MANAGER, null, PASSWORD);
		head.setHeadOfSales(true);
		this.users.save(head);
		this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
		Customer mine = this.fixture.customer(this.prefix, "-R1", "检索甲 " + this.prefix, this.team.rep());
		this.fixture.customer(this.prefix, "-R2", "检索乙 " + this.prefix, this.team.otherRep());
		this.fixture.customer(this.prefix, "-O1", "检索丙 " + this.prefix, other.rep());
		this.jdbc.update(
				"insert into customer_contacts (customer_id, name, title, is_primary, created_at, updated_at)"
						+ " values (?, ?, 'Buyer', true, ?, ?)",
				mine.getId(), this.prefix + " 联系人", Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
	}

	@Test
	void eachRoleFindsTheCustomersOfItsScope() throws Exception {
		Map<String, List<String>> expected = Map.of("-rep", List.of("-R1"), "-rep2", List.of("-R2"), "-mgr",
				List.of("-R1", "-R2"), "o-rep", List.of("-O1"), "-head", List.of("-R1", "-R2", "-O1"), "-admin",
				List.of("-R1", "-R2", "-O1"));
		for (Map.Entry<String, List<String>> role : expected.entrySet()) {
			HttpResponse<String> found = api("GET", "/api/v1/search?q=" + this.prefix, this.prefix + role.getKey(),
					null);
			assertThat(found.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<List<String>>read(found.body(), "$.customers[*].code")).as(role.getKey())
				.containsExactlyInAnyOrderElementsOf(role.getValue().stream().map((c) -> this.prefix + c).toList());
			assertThat(JsonPath.<Integer>read(found.body(), "$.limit")).isEqualTo(10);
		}
		// The contact is the first rep's customer's: their manager finds it, the other
		// rep does not.
		assertThat(JsonPath.<List<String>>read(
				api("GET", "/api/v1/search?q=" + this.prefix, this.prefix + "-mgr", null).body(),
				"$.contacts[*].customer"))
			.containsExactly(this.prefix + "-R1");
		assertThat(JsonPath.<List<String>>read(
				api("GET", "/api/v1/search?q=" + this.prefix, this.prefix + "-rep2", null).body(), "$.contacts"))
			.isEmpty();
		assertThat(JsonPath.<List<String>>read(
				api("GET", "/api/v1/search?q=" + this.prefix + "-R2", this.prefix + "-rep", null).body(),
				"$.customers"))
			.isEmpty();
	}

	@Test
	void theApiRanksAsThePageDoes() throws Exception {
		String manager = this.prefix + "-mgr";
		String body = api("GET", "/api/v1/search?q=" + this.prefix + "-R2", manager, null).body();
		assertThat(JsonPath.<List<String>>read(body, "$.customers[*].match")).containsExactly("EXACT");
		Browser browser = new Browser();
		browser.login(manager);
		for (String text : List.of(this.prefix, this.prefix + "-R", "检索", this.prefix.toLowerCase())) {
			String q = URLEncoder.encode(text, StandardCharsets.UTF_8);
			List<String> onPage = Jsoup.parse(browser.get("/search?q=" + q).body())
				.select("#search-customers li small:first-of-type")
				.eachText();
			List<String> inApi = JsonPath.read(api("GET", "/api/v1/search?q=" + q, manager, null).body(),
					"$.customers[*].code");
			assertThat(inApi).as(text).isEqualTo(onPage).isNotEmpty();
		}
	}

	@Test
	void aSearchWithoutTextIsAProblemInTheCallersLanguage() throws Exception {
		HttpResponse<String> refused = api("GET", "/api/v1/search", this.prefix + "-rep", null, "zh-CN");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<String>read(refused.body(), "$.detail")).contains("参数 q");
		assertThat(JsonPath.<List<Object>>read(api("GET", "/api/v1/search?q=%20", this.prefix + "-rep", null).body(),
				"$.customers"))
			.isEmpty();
	}

	@Test
	void savedViewsFollowTheListsRules() throws Exception {
		String rep = this.prefix + "-rep";
		HttpResponse<String> own = api("POST", "/api/v1/saved-views", rep,
				"{\"name\":\"Mine\",\"shared\":false,\"query\":\"tier=A&sort=MONETARY_DESC\"}");
		assertThat(own.statusCode()).isEqualTo(201);
		long ownId = JsonPath.<Number>read(own.body(), "$.id").longValue();
		assertThat(own.headers().firstValue("Location")).hasValue("/api/v1/saved-views/" + ownId);
		HttpResponse<String> shared = api("POST", "/api/v1/saved-views", rep,
				"{\"name\":\"Team A\",\"shared\":true,\"query\":\"tier=A\"}");
		assertThat(shared.statusCode()).isEqualTo(201);
		long sharedId = JsonPath.<Number>read(shared.body(), "$.id").longValue();
		assertThat(names(rep)).containsExactly("Mine", "Team A");
		assertThat(names(this.prefix + "-rep2")).containsExactly("Team A");
		assertThat(names(this.prefix + "-mgr")).containsExactly("Team A");
		assertThat(names(this.outsider)).isEmpty();
		assertThat(JsonPath.<List<Boolean>>read(api("GET", "/api/v1/saved-views", this.prefix + "-rep2", null).body(),
				"$[*].mine"))
			.containsExactly(false);

		HttpResponse<String> taken = api("POST", "/api/v1/saved-views", rep, "{\"name\":\" Mine \",\"query\":\"\"}",
				"zh-CN");
		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<String>read(taken.body(), "$.errors[0].field")).isEqualTo("name");
		assertThat(JsonPath.<String>read(taken.body(), "$.detail")).contains("同名视图");
		HttpResponse<String> cursor = api("POST", "/api/v1/saved-views", rep,
				"{\"name\":\"Paged\",\"query\":\"tier=A&cursor=abc\"}");
		assertThat(cursor.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(cursor.body(), "$.errors[0].field")).isEqualTo("query");
		assertThat(api("POST", "/api/v1/saved-views", rep, "{\"name\":\" \"}").statusCode()).isEqualTo(400);
		assertThat(api("POST", "/api/v1/saved-views", rep, "not json").statusCode()).isEqualTo(400);
		HttpResponse<String> noTeam = api("POST", "/api/v1/saved-views", this.prefix + "-head",
				"{\"name\":\"Everyone\",\"shared\":true,\"query\":\"\"}");
		assertThat(noTeam.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(noTeam.body(), "$.errors[0].field")).isEqualTo("shared");

		assertThat(api("DELETE", "/api/v1/saved-views/" + sharedId, this.prefix + "-rep2", null).statusCode())
			.isEqualTo(403);
		HttpResponse<String> hidden = api("DELETE", "/api/v1/saved-views/" + ownId, this.prefix + "-rep2", null);
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(hidden.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api("DELETE", "/api/v1/saved-views/" + ownId, this.outsider, null).statusCode()).isEqualTo(404);
		assertThat(api("DELETE", "/api/v1/saved-views/" + ownId, rep, null).statusCode()).isEqualTo(204);
		assertThat(names(rep)).containsExactly("Team A");
	}

	private List<String> names(String username) throws IOException, InterruptedException {
		HttpResponse<String> views = api("GET", "/api/v1/saved-views", username, null);
		assertThat(views.statusCode()).isEqualTo(200);
		return JsonPath.read(views.body(), "$[*].name");
	}

	private HttpResponse<String> api(String method, String path, String username, String json)
			throws IOException, InterruptedException {
		return api(method, path, username, json, "en");
	}

	private HttpResponse<String> api(String method, String path, String username, String json, String language)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
			.header("Authorization", "Basic " + basic)
			.header("Accept-Language", language)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
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
