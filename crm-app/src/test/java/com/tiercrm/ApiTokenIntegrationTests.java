package com.tiercrm;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.ApiTokenManagement.IssuedToken;
import com.tiercrm.testing.UsePostgres;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens on the whole application against PostgreSQL: a rep's token
 * reaches only the rep's customers, a read-only token cannot write, revoked and expired
 * tokens are refused, and a user creates a token on their own page and uses it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenIntegrationTests {

	private static final String PASSWORD = "token-test-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private ApiTokenManagement tokens;

	private final String prefix = "TK" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	@BeforeAll
	void createTeamAndCustomers() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		this.fixture.customer(this.prefix, "MINE", "Mine Trading", this.team.rep());
		this.fixture.customer(this.prefix, "OTHER", "Other Rep Trading", this.team.otherRep());
	}

	@Test
	void aRepsTokenReachesOnlyTheRepsCustomers() throws Exception {
		String token = issue(this.team.rep().getId(), ApiTokenAccess.READ_WRITE, Duration.ofDays(1));
		assertThat(get("/api/v1/customers/" + this.prefix + "MINE", token).statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/customers/" + this.prefix + "OTHER", token).statusCode()).isEqualTo(404);
		HttpResponse<String> list = get("/api/v1/customers?q=" + this.prefix + "&size=50", token);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(this.prefix + "MINE").doesNotContain(this.prefix + "OTHER");
	}

	@Test
	void aReadOnlyTokenCannotWrite() throws Exception {
		String readOnly = issue(this.team.manager().getId(), ApiTokenAccess.READ_ONLY, Duration.ofDays(1));
		String readWrite = issue(this.team.manager().getId(), ApiTokenAccess.READ_WRITE, Duration.ofDays(1));
		assertThat(get("/api/v1/segmentation/runs", readOnly).statusCode()).isEqualTo(200);
		for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
			HttpResponse<String> refused = send(method, "/api/v1/segmentation/preview", readOnly, "zh-CN");
			assertThat(refused.statusCode()).as(method).isEqualTo(403);
			assertThat(refused.body()).contains("只读");
		}
		assertThat(send("POST", "/api/v1/segmentation/preview", readWrite, "en").statusCode()).isEqualTo(200);
	}

	@Test
	void revokedExpiredAndUnknownTokensAreRefused() throws Exception {
		IssuedToken revoked = this.tokens.issue(this.team.rep().getId(), "revoked", ApiTokenAccess.READ_ONLY,
				Duration.ofDays(1));
		assertThat(get("/api/v1/customers", revoked.secret()).statusCode()).isEqualTo(200);
		this.tokens.revoke(this.team.rep().getId(), revoked.token().getId());
		assertThat(get("/api/v1/customers", revoked.secret()).statusCode()).isEqualTo(401);
		String expired = issue(this.team.rep().getId(), ApiTokenAccess.READ_ONLY, Duration.ZERO);
		assertThat(get("/api/v1/customers", expired).statusCode()).isEqualTo(401);
		HttpResponse<String> unknown = get("/api/v1/customers", "tcrm_" + "x".repeat(43));
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.headers().allValues("WWW-Authenticate")).contains("Bearer realm=\"TierCRM\"");
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		for (String path : new String[] { "/api/v1/customers", "/api/v1/tiers", "/api", "/api/v1/nothing-here" }) {
			HttpResponse<String> anonymous = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(anonymous.body()).as(path).contains("\"status\":401");
		}
	}

	@Test
	void aUserCreatesATokenOnTheirPageSeesItOnceAndRevokesIt() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String csrf = csrf(browser, "/login");
		post(browser, "/login", "username=" + this.prefix + "-rep&password=" + PASSWORD, csrf);
		csrf = csrf(browser, "/account/tokens");
		HttpResponse<String> created = post(browser, "/account/tokens",
				"name=nightly+export&access=READ_ONLY&validDays=30", csrf);
		assertThat(created.statusCode()).isEqualTo(302);
		String page = page(browser, "/account/tokens").body();
		String token = Jsoup.parse(page).select("#new-token").text();
		assertThat(token).startsWith("tcrm_");
		assertThat(page(browser, "/account/tokens").body()).doesNotContain(token).contains("nightly export");
		assertThat(get("/api/v1/customers/" + this.prefix + "MINE", token).statusCode()).isEqualTo(200);

		String action = Jsoup.parse(page).select("form[action$=/revoke]").attr("action");
		post(browser, action, "", Jsoup.parse(page).select("input[name=_csrf]").attr("value"));
		assertThat(get("/api/v1/customers/" + this.prefix + "MINE", token).statusCode()).isEqualTo(401);
	}

	private String issue(Long userId, ApiTokenAccess access, Duration validity) {
		return this.tokens.issue(userId, "test", access, validity).secret();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, String token, String language)
			throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Authorization", "Bearer " + token)
				.header("Accept-Language", language)
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> page(HttpClient browser, String path) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", "en").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String csrf(HttpClient browser, String path) throws IOException, InterruptedException {
		return Jsoup.parse(page(browser, path).body()).select("input[name=_csrf]").attr("value");
	}

	private HttpResponse<String> post(HttpClient browser, String path, String form, String csrf)
			throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					form + (form.isEmpty() ? "" : "&") + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
