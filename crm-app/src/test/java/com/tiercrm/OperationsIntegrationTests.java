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
import java.util.Base64;
import java.util.UUID;

import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.testing.UsePostgres;
import org.awaitility.Awaitility;
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
 * The operations endpoints on the whole application against PostgreSQL: the probes open
 * to all, the Prometheus scrape for admins only with the run, import and HTTP metrics on
 * it after a run and an import, and the OpenAPI description of the JSON API with Swagger
 * UI for signed-in users.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIntegrationTests {

	private static final String PASSWORD = "operations-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private ApiTokenManagement tokens;

	private final String prefix = "OP" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private User admin;

	@BeforeAll
	void createUsers() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		this.admin = this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
		this.fixture.customer(this.prefix, "MINE", "Mine Trading", this.team.rep());
	}

	@Test
	void healthAndItsProbesAreOpenWithoutDetails() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> health = get(path, null);
			assertThat(health.statusCode()).as(path).isEqualTo(200);
			assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components");
		}
		HttpResponse<String> readiness = get("/actuator/health/readiness", basic(this.prefix + "-admin"));
		assertThat(readiness.body()).contains("\"db\":{")
			.contains("\"database\":\"PostgreSQL\"")
			.contains("\"readinessState\"");
		assertThat(get("/actuator/health/liveness", basic(this.prefix + "-admin")).body()).contains("livenessState")
			.doesNotContain("\"db\"");
	}

	@Test
	void metricsAreForAdminsOnly() throws Exception {
		HttpResponse<String> anonymous = get("/actuator/prometheus", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().allValues("WWW-Authenticate")).contains("Bearer realm=\"TierCRM\"");
		assertThat(get("/actuator/prometheus", basic(this.prefix + "-mgr")).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/metrics", basic(this.prefix + "-mgr")).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
		// Not exposed: no endpoint, so an admin's credentials get the login page.
		assertThat(get("/actuator/env", basic(this.prefix + "-admin")).statusCode()).isEqualTo(302);
		assertThat(get("/actuator/metrics", basic(this.prefix + "-admin")).statusCode()).isEqualTo(200);
	}

	@Test
	void aScrapeAfterARunAndAnImportFindsTheirMetrics() throws Exception {
		String scraper = "Bearer "
				+ this.tokens.issue(this.admin.getId(), "prometheus", ApiTokenAccess.READ_ONLY, Duration.ofDays(1))
					.secret();
		HttpResponse<String> started = post("/api/v1/segmentation/runs", basic(this.prefix + "-mgr"),
				"application/json", "{\"asOf\": \"2025-06-30\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String boundary = "tiercrm-" + UUID.randomUUID();
		String csv = "客户编号,客户名称\n" + this.prefix + "NEW1,New One Trading\n" + this.prefix + "NEW2,New Two Trading\n";
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"dryRun\"\r\n\r\nfalse\r\n--" + boundary + "--\r\n";
		HttpResponse<String> imported = post("/api/v1/imports/customers", basic(this.prefix + "-admin"),
				"multipart/form-data; boundary=" + boundary, multipart);
		assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 202);

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> get("/actuator/prometheus", scraper).body(),
					(scrape) -> scrape.contains("tiercrm_segmentation_runs_seconds_count")
							&& scrape.contains("tiercrm_imports_seconds_count"));
		String scrape = get("/actuator/prometheus", scraper).body();
		assertThat(scrape).containsPattern(
				"tiercrm_segmentation_runs_seconds_count\\{[^}]*status=\"succeeded\"[^}]*trigger=\"api\"[^}]*} [1-9]");
		for (String step : new String[] { "facts", "abc-rfm", "clv-fit", "clv-score", "write" }) {
			assertThat(scrape).containsPattern(
					"tiercrm_segmentation_run_steps_seconds_count\\{[^}]*step=\"" + step + "\"[^}]*} [1-9]");
		}
		assertThat(scrape).containsPattern("tiercrm_segmentation_run_customers_count\\{[^}]*} [1-9]");
		assertThat(scrape).contains("application=\"tiercrm\"").contains("hikaricp_connections_active");
		String importTags = "\\{[^}]*dry_run=\"false\"[^}]*kind=\"customers\"[^}]*path=\"bulk\"[^}]*status=\"succeeded\"[^}]*}";
		assertThat(scrape).containsPattern("tiercrm_imports_seconds_count" + importTags + " [1-9]")
			.containsPattern("tiercrm_imports_rows_sum" + importTags + " [2-9]")
			.containsPattern("tiercrm_imports_rows_per_second_max" + importTags + " [0-9.]*[1-9]")
			.containsPattern(
					"http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/segmentation/runs\"[^}]*le=\"[^\"]+\"[^}]*} [1-9]");
	}

	@Test
	void theApiDescriptionIsForSignedInUsers() throws Exception {
		HttpResponse<String> anonymous = get("/v3/api-docs", null);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
			.hasValueSatisfying((at) -> assertThat(at).endsWith("/login"));

		HttpClient browser = signIn(this.prefix + "-rep");
		HttpResponse<String> docs = browser.send(request("/v3/api-docs").header("Accept-Language", "en").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("\"/api/v1/customers\"")
			.contains("\"/api/v1/segmentation/runs\"")
			.contains("\"/api/v1/imports/{kind}\"")
			.contains("\"title\":\"TierCRM API\"")
			.contains("\"scheme\":\"bearer\"")
			.contains("\"scheme\":\"basic\"")
			.contains("\"servers\":[{\"url\":\"/\"}]")
			.contains("\"tags\":[\"customer\"]")
			.doesNotContain("\"/login\"")
			.doesNotContain("/actuator");
		HttpResponse<String> chinese = browser.send(request("/v3/api-docs").header("Accept-Language", "zh-CN").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(chinese.body()).contains("\"title\":\"TierCRM 接口\"");
		HttpResponse<String> englishAgain = browser.send(
				request("/v3/api-docs").header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(englishAgain.body()).contains("\"title\":\"TierCRM API\"").doesNotContain("接口");

		HttpResponse<String> ui = browser.send(request("/swagger-ui/index.html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ui.statusCode()).isEqualTo(200);
		var page = Jsoup.parse(ui.body());
		assertThat(page.select("script[src]").eachAttr("src")).isNotEmpty()
			.allSatisfy((asset) -> assertThat(asset).doesNotContain("//"));
		assertThat(page.select("link[href]").eachAttr("href"))
			.allSatisfy((asset) -> assertThat(asset).doesNotContain("//"));
		assertThat(browser
			.send(request("/swagger-ui/swagger-ui-bundle.js").build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(200);
	}

	private HttpClient signIn(String username) throws IOException, InterruptedException {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String page = browser.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		String csrf = Jsoup.parse(page).select("input[name=_csrf]").attr("value");
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD
				+ "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		HttpResponse<Void> login = browser
			.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(login.statusCode()).isEqualTo(302);
		return browser;
	}

	private String basic(String username) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path);
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String authorization, String contentType, String body)
			throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(request(path).header("Authorization", authorization)
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

}
