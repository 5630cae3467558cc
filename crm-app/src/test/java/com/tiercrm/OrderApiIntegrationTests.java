package com.tiercrm;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.testing.UsePostgres;
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
 * {@code /api/v1/orders} on the whole application against PostgreSQL, in every role's
 * scope: a rep records and reads their own customers' orders and gets a 404 for another
 * rep's, a manager changes their team's with optimistic locking, an admin lists and
 * cancels anyone's; bad input is a problem naming each field in the caller's language.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderApiIntegrationTests {

	private static final String PASSWORD = "order-api-secret";

	private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private ApiTokenManagement tokens;

	private final String prefix = "OA" + UUID.randomUUID().toString().substring(0, 6);

	private String rep = "";

	private String otherRep = "";

	private String manager = "";

	private String admin = "";

	private String readOnly = "";

	private String loner = "";

	@BeforeAll
	void createTeamCustomersAndTokens() {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		User adminUser = this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
		this.fixture.customer(this.prefix, "MINE", "上海甲乙贸易有限公司", team.rep());
		this.fixture.customer(this.prefix, "OTHER", "Other Rep Trading", team.otherRep());
		this.rep = issue(team.rep(), ApiTokenAccess.READ_WRITE);
		this.otherRep = issue(team.otherRep(), ApiTokenAccess.READ_WRITE);
		this.manager = issue(team.manager(), ApiTokenAccess.READ_WRITE);
		this.admin = issue(adminUser, ApiTokenAccess.READ_WRITE);
		this.readOnly = issue(team.rep(), ApiTokenAccess.READ_ONLY);
		User lonerUser = this.fixture.user(this.prefix, "loner", Role.SALES_REP, null, PASSWORD);
		this.fixture.customer(this.prefix, "LONE", "Lone Trading", lonerUser);
		this.loner = issue(lonerUser, ApiTokenAccess.READ_WRITE);
	}

	@Test
	void aRepRecordsAnOrderWithAChineseFormattedAmountAndAnotherRepCannotReachIt() throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/orders", this.rep, "en", """
				{"customer": "%sMINE", "orderedAt": "%sT09:30", "amount": "¥12,345.60", "currency": "CNY",
				 "channel": "门店"}""".formatted(this.prefix, TODAY));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = String.valueOf((Number) JsonPath.read(created.body(), "$.id"));
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/orders/" + id);
		assertThat(new BigDecimal(JsonPath.read(created.body(), "$.amount").toString()))
			.isEqualByComparingTo("12345.60");
		assertThat((String) JsonPath.read(created.body(), "$.orderNo")).matches("CRM-\\d{6,}");
		assertThat((String) JsonPath.read(created.body(), "$.status")).isEqualTo("COMPLETED");
		assertThat((String) JsonPath.read(created.body(), "$.currency")).isEqualTo("CNY");
		assertThat((Boolean) JsonPath.read(created.body(), "$.isReturn")).isFalse();

		assertThat(send("GET", "/api/v1/orders/" + id, this.rep, "en", null).statusCode()).isEqualTo(200);
		for (HttpResponse<String> refused : List.of(send("GET", "/api/v1/orders/" + id, this.otherRep, "en", null),
				send("PUT", "/api/v1/orders/" + id, this.otherRep, "en",
						"{\"amount\": \"1\", \"orderedAt\": \"" + TODAY + "\", \"version\": 0}"),
				send("POST", "/api/v1/orders/" + id + "/cancel", this.otherRep, "en", null),
				send("GET", "/api/v1/orders?customer=" + this.prefix + "MINE", this.otherRep, "en", null),
				send("POST", "/api/v1/orders", this.otherRep, "en", """
						{"customer": "%sMINE", "orderedAt": "%s", "amount": "5"}""".formatted(this.prefix, TODAY)))) {
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat((String) JsonPath.read(send("GET", "/api/v1/orders/" + id, this.rep, "en", null).body(), "$.status"))
			.isEqualTo("COMPLETED");
	}

	@Test
	void aManagerChangesATeamOrderAndAStaleVersionIsAConflictShowingTheCurrentOrder() throws Exception {
		String id = record(this.rep, "MINE", "\"50000\"");
		HttpResponse<String> read = send("GET", "/api/v1/orders/" + id, this.manager, "en", null);
		assertThat(read.statusCode()).isEqualTo(200);
		int version = JsonPath.read(read.body(), "$.version");
		HttpResponse<String> changed = send("PUT", "/api/v1/orders/" + id, this.manager, "en", """
				{"customer": "%sMINE", "orderedAt": "%sT10:00:00+08:00", "amount": 987654321.1234,
				 "grossProfit": "12,000", "status": "已完成", "version": %d}""".formatted(this.prefix, TODAY, version));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(new BigDecimal(JsonPath.read(changed.body(), "$.amount").toString()))
			.isEqualByComparingTo("987654321.1234");
		assertThat((Integer) JsonPath.read(changed.body(), "$.version")).isGreaterThan(version);

		HttpResponse<String> stale = send("PUT", "/api/v1/orders/" + id, this.rep, "zh-CN", """
				{"orderedAt": "%s", "amount": "1", "version": %d}""".formatted(TODAY, version));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(stale.body()).contains("已被他人修改");
		assertThat(new BigDecimal(JsonPath.read(stale.body(), "$.current.amount").toString()))
			.isEqualByComparingTo("987654321.1234");
		assertThat(send("GET", "/api/v1/orders/" + record(this.otherRep, "OTHER", "\"1\""), this.manager, "en", null)
			.statusCode()).isEqualTo(200);
		String outside = record(this.loner, "LONE", "\"1\"");
		assertThat(send("GET", "/api/v1/orders/" + outside, this.manager, "en", null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/v1/orders/" + outside, this.admin, "en", null).statusCode()).isEqualTo(200);
		// A customer worth a billion would hold the A tier of later runs on this shared
		// database alone.
		assertThat(send("POST", "/api/v1/orders/" + id + "/cancel", this.manager, "en", null).statusCode())
			.isEqualTo(200);
	}

	@Test
	void anAdminListsAnyCustomersOrdersNewestFirstAndCancelsOne() throws Exception {
		String older = record(this.otherRep, "OTHER", "\"23,456.70\"");
		HttpResponse<String> returned = send("POST", "/api/v1/orders", this.otherRep, "en", """
				{"customer": "%sOTHER", "orderedAt": "%sT23:59", "amount": "-¥23,456.70"}""".formatted(this.prefix,
				TODAY));
		assertThat(returned.statusCode()).as(returned.body()).isEqualTo(201);
		assertThat((Boolean) JsonPath.read(returned.body(), "$.isReturn")).isTrue();
		HttpResponse<String> list = send("GET", "/api/v1/orders?customer=" + this.prefix + "OTHER&size=50", this.admin,
				"en", null);
		assertThat(list.statusCode()).isEqualTo(200);
		List<Integer> ids = JsonPath.read(list.body(), "$.items[*].id");
		assertThat(ids).contains(Integer.valueOf(older));
		assertThat((Integer) JsonPath.read(list.body(), "$.total")).isEqualTo(ids.size());
		assertThat(send("GET", "/api/v1/orders?customer=" + this.prefix + "OTHER&size=500", this.admin, "en", null)
			.statusCode()).isEqualTo(400);

		HttpResponse<String> cancelled = send("POST", "/api/v1/orders/" + older + "/cancel", this.admin, "en", null);
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(cancelled.body(), "$.status")).isEqualTo("CANCELLED");
		assertThat(send("POST", "/api/v1/orders/" + older + "/cancel?version=0", this.admin, "en", null).statusCode())
			.isEqualTo(409);
	}

	@Test
	void badInputIsAProblemNamingEachFieldInTheCallersLanguage() throws Exception {
		HttpResponse<String> refused = send("POST", "/api/v1/orders", this.rep, "zh-CN", """
				{"customer": "%sMINE", "orderedAt": "yesterday", "amount": "12.34567", "status": "shipped",
				 "currency": "USD"}""".formatted(this.prefix));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<List<String>>read(refused.body(), "$.errors[*].field"))
			.containsExactlyInAnyOrder("currency", "orderedAt", "amount", "status");
		assertThat(refused.body()).contains("不是有效的日期时间");

		HttpResponse<String> rules = send("POST", "/api/v1/orders", this.rep, "en", """
				{"customer": "%sMINE", "orderedAt": "2099-01-01", "amount": "1,000,000,000,000.00",
				 "status": "shipped"}""".formatted(this.prefix));
		assertThat(rules.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(rules.body(), "$.errors[*].field"))
			.containsExactlyInAnyOrder("orderedAt", "amount", "status");
		assertThat(rules.body()).contains("is not an amount", "999,999,999,999.99");
		assertThat(send("POST", "/api/v1/orders", this.readOnly, "en", "{}").statusCode()).isEqualTo(403);
	}

	private String record(String token, String customer, String amount) throws IOException, InterruptedException {
		HttpResponse<String> created = send("POST", "/api/v1/orders", token, "en", """
				{"customer": "%s%s", "orderedAt": "%s", "amount": %s}""".formatted(this.prefix, customer, TODAY,
				amount));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return String.valueOf((Number) JsonPath.read(created.body(), "$.id"));
	}

	private String issue(User user, ApiTokenAccess access) {
		return this.tokens.issue(user.getId(), "orders", access, Duration.ofDays(1)).secret();
	}

	private HttpResponse<String> send(String method, String path, String token, String language, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", language)
			.header("Content-Type", "application/json");
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
