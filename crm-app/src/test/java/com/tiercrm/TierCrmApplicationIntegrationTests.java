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
import java.util.Base64;
import java.util.UUID;

import com.tiercrm.account.Role;
import com.tiercrm.customer.Customer;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
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
 * The whole application on a random port against PostgreSQL: login, scoped pages and API,
 * logout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TierCrmApplicationIntegrationTests {

	private static final String PASSWORD = "integration-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	private final String prefix = "IT" + UUID.randomUUID().toString().substring(0, 6);

	private Long teamId;

	@BeforeAll
	void createUsersAndCustomers() {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		this.teamId = team.rep().getTeamId();
		this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
		Customer mine = this.fixture.customer(this.prefix, "MINE", "李娜 Lina", team.rep());
		this.fixture.customer(this.prefix, "OTHER", "Other Rep Trading", team.otherRep());
		this.orders.save(new SalesOrder(this.prefix + "-SO1", mine.getId(), Instant.parse("2025-03-01T08:00:00Z"),
				new BigDecimal("1000.00"), new BigDecimal("250.00"), OrderStatus.COMPLETED));
		this.orders.save(new SalesOrder(this.prefix + "-SO2", mine.getId(), Instant.parse("2025-04-01T08:00:00Z"),
				new BigDecimal("99.00"), new BigDecimal("10.00"), OrderStatus.CANCELLED));
	}

	@Test
	void repLogsInSeesOnlyOwnCustomersAndLogsOut() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.get("/customers").statusCode()).isEqualTo(302);
		assertThat(browser.login(this.prefix + "-rep", PASSWORD).headers().firstValue("Location"))
			.hasValue(url("/customers?continue"));

		HttpResponse<String> list = browser.get("/customers?q=" + this.prefix);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(this.prefix + "MINE").doesNotContain(this.prefix + "OTHER");

		HttpResponse<String> mine = browser.get("/customers/" + this.prefix + "MINE");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("李娜 Lina").contains("1,000.00");

		assertThat(browser.get("/customers/" + this.prefix + "OTHER").statusCode()).isEqualTo(404);
		assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);

		assertThat(browser.post("/logout", "").headers().firstValue("Location")).hasValue(url("/login?logout"));
		assertThat(browser.get("/customers").statusCode()).isEqualTo(302);
	}

	@Test
	void managerSeesTheWholeTeam() throws Exception {
		Browser browser = new Browser();
		browser.login(this.prefix + "-mgr", PASSWORD);
		HttpResponse<String> list = browser.get("/customers?q=" + this.prefix + "&lang=zh-CN");
		assertThat(list.body()).contains(this.prefix + "MINE").contains(this.prefix + "OTHER").contains("客户编号");
		assertThat(browser.get("/customers/" + this.prefix + "OTHER").statusCode()).isEqualTo(200);
	}

	@Test
	void wrongPasswordDoesNotLogIn() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.login(this.prefix + "-rep", "wrong").headers().firstValue("Location"))
			.hasValue(url("/login?error"));
	}

	@Test
	void apiIsScopedLikeThePages() throws Exception {
		HttpResponse<String> list = api("/api/v1/customers?q=" + this.prefix, this.prefix + "-rep", PASSWORD);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(this.prefix + "MINE").doesNotContain(this.prefix + "OTHER");

		HttpResponse<String> one = api("/api/v1/customers/" + this.prefix + "MINE", this.prefix + "-rep", PASSWORD);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.body()).contains("\"completedOrders\":1").contains("\"revenue\":1000.00");

		assertThat(api("/api/v1/customers/" + this.prefix + "OTHER", this.prefix + "-rep", PASSWORD).statusCode())
			.isEqualTo(404);
		assertThat(api("/api/v1/customers/" + this.prefix + "OTHER", this.prefix + "-mgr", PASSWORD).statusCode())
			.isEqualTo(200);
		assertThat(api("/api/v1/customers", this.prefix + "-rep", "wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void adminCreatesAUserWhoCanThenLogIn() throws Exception {
		Browser admin = new Browser();
		admin.login(this.prefix + "-admin", PASSWORD);
		String newUser = this.prefix + "-new";
		HttpResponse<String> created = admin.post("/admin/users/new",
				"username=" + newUser + "&displayName=New+Rep&role=SALES_REP&teamId=" + this.teamId
						+ "&password=new-password-1&passwordConfirmation=new-password-1");
		assertThat(created.headers().firstValue("Location")).as(created.body()).hasValue(url("/admin/users"));
		assertThat(new Browser().login(newUser, "new-password-1").headers().firstValue("Location")).hasValue(url("/"));

		HttpResponse<String> duplicate = admin.post("/admin/users/new",
				"username=" + newUser + "&displayName=Again&role=SALES_REP&teamId=" + this.teamId
						+ "&password=new-password-1&passwordConfirmation=new-password-1");
		assertThat(duplicate.statusCode()).isEqualTo(200);
		assertThat(duplicate.body()).contains("This username is already taken.");
	}

	@Test
	void managerStartsASegmentationRunThroughTheApiAndReadsItsReport() throws Exception {
		String manager = this.prefix + "-mgr";
		assertThat(apiPost("/api/v1/segmentation/runs", "{}", this.prefix + "-rep", PASSWORD).statusCode())
			.isEqualTo(403);
		HttpResponse<String> started = apiPost("/api/v1/segmentation/runs",
				"{\"asOf\": \"2025-06-30\", \"timeUnit\": \"WEEK\"}", manager, PASSWORD);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String id = started.body().replaceAll(".*\"id\":(\\d+).*", "$1");

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> !api("/api/v1/segmentation/runs/" + id, manager, PASSWORD).body()
				.contains("\"status\":\"RUNNING\""));
		HttpResponse<String> report = api("/api/v1/segmentation/runs/" + id, manager, PASSWORD);
		assertThat(report.body()).contains("\"status\":\"SUCCEEDED\"")
			.contains("\"asOf\":\"2025-06-30\"")
			.contains("\"timeUnit\":\"WEEK\"")
			.contains("\"abc\":{");

		HttpResponse<String> customer = api("/api/v1/customers/" + this.prefix + "MINE", this.prefix + "-rep",
				PASSWORD);
		assertThat(customer.body()).contains("\"segmentation\":{").contains("\"tier\":\"ABC:");
		assertThat(apiPost("/api/v1/segmentation/runs", "{\"asOf\": \"not a date\"}", manager, PASSWORD).statusCode())
			.isEqualTo(400);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private HttpResponse<String> api(String path, String username, String password)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + basic).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> apiPost(String path, String json, String username, String password)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A cookie-keeping client that behaves like a browser's form posts, CSRF token
	 * included.
	 */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private String csrf = "";

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			var token = Jsoup.parse(response.body()).selectFirst("input[name=_csrf]");
			if (token != null) {
				this.csrf = token.attr("value");
			}
			return response;
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			String body = form + (form.isEmpty() ? "" : "&") + "_csrf="
					+ URLEncoder.encode(this.csrf, StandardCharsets.UTF_8);
			return this.client.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
			get("/login");
			HttpResponse<String> response = post("/login",
					"username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
							+ URLEncoder.encode(password, StandardCharsets.UTF_8));
			get("/dashboard");
			return response;
		}

	}

}
