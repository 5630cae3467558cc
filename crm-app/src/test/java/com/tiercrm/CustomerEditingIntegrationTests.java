package com.tiercrm;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.Role;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/customers} creates, edits, deactivates and merges customers within each
 * role's scope, keeps the history, names the version edited, warns of likely duplicates,
 * and explains tier reasons in the caller's language. Subclasses pick the database: the
 * duplicate query differs between PostgreSQL (trigrams) and H2.
 */
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomerEditingIntegrationTests {

	private static final String PASSWORD = "editing-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "CE" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private String rep;

	private String otherRep;

	private String manager;

	private String outsideManager;

	private String admin;

	/** The rep's customer with orders, in the published run. */
	private Customer buyer;

	/** Numbers no other test uses: the duplicate query searches every customer. */
	private final String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));

	private final String email = this.prefix.toLowerCase() + "@example.com";

	private final String company = this.prefix + " 上海华东贸易有限公司";

	/** Whether the database compares names by trigram similarity (PostgreSQL). */
	abstract boolean trigrams();

	@BeforeAll
	void createTeamsCustomersAndARun() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		this.fixture.create(this.prefix + "X", PASSWORD);
		this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
		this.rep = this.prefix + "-rep";
		this.otherRep = this.prefix + "-rep2";
		this.manager = this.prefix + "-mgr";
		this.outsideManager = this.prefix + "X-mgr";
		this.admin = this.prefix + "-admin";
		this.buyer = this.fixture.customer(this.prefix, "BUY", this.company, this.team.rep());
		this.buyer.setPhone(this.phone, "+86 " + this.phone);
		this.buyer.setEmail(this.email);
		this.buyer = this.customers.save(this.buyer);
		this.fixture.customer(this.prefix, "OTHER", "Other Rep Trading", this.team.otherRep());
		this.orders
			.save(new SalesOrder(this.prefix + "-SO1", this.buyer.getId(), Instant.now().minus(30, ChronoUnit.DAYS),
					new BigDecimal("5000.00"), new BigDecimal("900.00"), OrderStatus.COMPLETED));
		assertThat(this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null)).getStatus())
			.isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void repCreatesACustomerOfTheirOwnWithAGeneratedCodeAndItsHistory() throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/customers", this.rep, """
				{"name": "%s 王芳", "type": "INDIVIDUAL", "city": "成都", "gender": "F", "ageBand": "25-34",
				 "incomeBand": "MIDDLE", "occupation": "TEACHER", "phone": "+86 137 %s"}""".formatted(this.prefix,
				uniqueDigits(8)), null);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String code = JsonPath.read(created.body(), "$.code");
		assertThat(code).matches("C\\d{7,}(-\\d+)?");
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/customers/" + code);
		assertThat(created.headers().firstValue("ETag")).isPresent();
		assertThat((Integer) JsonPath.read(created.body(), "$.ownerId")).isEqualTo(this.team.rep().getId().intValue());
		assertThat(text(created.body(), "$.ageBand")).isEqualTo("25-34");
		assertThat(text(created.body(), "$.occupation")).isEqualTo("TEACHER");

		HttpResponse<String> history = send("GET", "/api/v1/customers/" + code + "/changes", this.rep, null, null);
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(list(history.body(), "$[*].kind")).containsExactly("CREATED");
		assertThat(list(history.body(), "$[*].changedBy")).containsExactly("rep 用户");

		// Another rep does not see it, the team's manager does.
		assertThat(send("GET", "/api/v1/customers/" + code, this.otherRep, null, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/v1/customers/" + code, this.manager, null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void givenCodesAreUniqueAndDetailsValidated() throws Exception {
		HttpResponse<String> taken = send("POST", "/api/v1/customers?allowDuplicate=true", this.rep,
				"{\"code\": \"%sBUY\", \"name\": \"Anything\"}".formatted(this.prefix), "zh-CN");
		assertThat(taken.statusCode()).isEqualTo(409);
		assertThat(taken.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(text(taken.body(), "$.detail")).contains("已被其他客户使用");

		HttpResponse<String> invalid = send("POST", "/api/v1/customers", this.rep,
				"{\"name\": \" \", \"phone\": \"call me\", \"gender\": \"X\", \"region\": \"NOWHERE\", \"colour\": 1}",
				"en");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(list(invalid.body(), "$.errors[*].field")).containsExactly("colour");
		HttpResponse<String> fields = send("POST", "/api/v1/customers", this.rep,
				"{\"name\": \" \", \"phone\": \"call me\", \"gender\": \"X\", \"region\": \"NOWHERE\"}", "en");
		assertThat(fields.statusCode()).isEqualTo(400);
		assertThat(list(fields.body(), "$.errors[*].field")).containsExactlyInAnyOrder("name", "phone", "gender",
				"region");
		assertThat(fields.body()).contains("is not a phone number");
	}

	@Test
	void eachRoleEditsOnlyWithinItsScope() throws Exception {
		String other = "/api/v1/customers/" + this.prefix + "OTHER";
		String patch = "{\"city\": \"杭州\", \"version\": %d}";
		long version = version(other, this.manager);
		for (String outsider : List.of(this.rep, this.outsideManager)) {
			assertThat(send("PATCH", other, outsider, patch.formatted(version), null).statusCode()).as(outsider)
				.isEqualTo(404);
			assertThat(send("PUT", other, outsider, "{\"name\": \"x\", \"version\": %d}".formatted(version), null)
				.statusCode()).as(outsider).isEqualTo(404);
			assertThat(send("GET", other + "/changes", outsider, null, null).statusCode()).as(outsider).isEqualTo(404);
		}
		HttpResponse<String> byManager = send("PATCH", other, this.manager, patch.formatted(version), null);
		assertThat(byManager.statusCode()).as(byManager.body()).isEqualTo(200);
		assertThat(text(byManager.body(), "$.city")).isEqualTo("杭州");
		assertThat(text(byManager.body(), "$.name")).isEqualTo("Other Rep Trading");
		HttpResponse<String> byOwner = send("PATCH", other, this.otherRep,
				"{\"status\": \"INACTIVE\", \"version\": %d}".formatted(version(other, this.otherRep)), null);
		assertThat(byOwner.statusCode()).as(byOwner.body()).isEqualTo(200);
		assertThat(text(byOwner.body(), "$.status")).isEqualTo("INACTIVE");
		HttpResponse<String> byAdmin = send("PATCH", other, this.admin,
				"{\"status\": \"ACTIVE\", \"version\": %d}".formatted(version(other, this.admin)), null);
		assertThat(text(byAdmin.body(), "$.status")).isEqualTo("ACTIVE");

		HttpResponse<String> history = send("GET", other + "/changes", this.manager, null, null);
		assertThat(list(history.body(), "$[*].kind")).startsWith("REACTIVATED", "DEACTIVATED", "EDITED");
		assertThat(text(history.body(), "$[2].newValue")).isEqualTo("杭州");
		assertThat(text(history.body(), "$[2].field")).isEqualTo("city");
		assertThat(text(history.body(), "$[2].oldValue")).isEqualTo("上海");
		assertThat(text(history.body(), "$[2].changedBy")).isEqualTo("mgr 用户");
	}

	@Test
	void anEditNamesTheVersionItChanges() throws Exception {
		Customer customer = this.fixture.customer(this.prefix, "VER", "Version Test", this.team.rep());
		String path = "/api/v1/customers/" + customer.getCode();
		assertThat(send("PATCH", path, this.rep, "{\"city\": \"北京\"}", null).statusCode()).isEqualTo(428);
		long version = version(path, this.rep);
		HttpResponse<String> first = send("PATCH", path, this.rep, "{\"city\": \"北京\"}", null, "\"" + version + "\"");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(first.headers().firstValue("ETag")).isPresent().isNotEqualTo("\"" + version + "\"");

		HttpResponse<String> stale = send("PATCH", path, this.manager, "{\"city\": \"天津\"}", "en",
				"\"" + version + "\"");
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(list(stale.body(), "$.changes[*].newValue")).containsExactly("北京");
		assertThat(list(stale.body(), "$.changes[*].by")).containsExactly("rep 用户");
		HttpResponse<String> staleBody = send("PUT", path, this.manager,
				"{\"name\": \"Version Test\", \"city\": \"天津\", \"version\": %d}".formatted(version), "en", null);
		assertThat(staleBody.statusCode()).isEqualTo(409);
		assertThat(text(staleBody.body(), "$.detail")).contains("changed by someone else");

		HttpResponse<String> replaced = send("PUT", path, this.manager,
				"{\"name\": \"Version Test\", \"type\": \"ENTERPRISE\", \"version\": %d}"
					.formatted(version(path, this.manager)),
				null, null);
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		assertThat(text(replaced.body(), "$.city")).isNull();
	}

	@Test
	void likelyDuplicatesByPhoneEmailOrSimilarNameInTheSameCity() throws Exception {
		String byPhone = "{\"name\": \"Someone Else\", \"phone\": \"0086 %s-%s-%s\"}"
			.formatted(this.phone.substring(0, 3), this.phone.substring(3, 7), this.phone.substring(7));
		HttpResponse<String> phoneMatch = send("POST", "/api/v1/customers", this.rep, byPhone, "en");
		assertThat(phoneMatch.statusCode()).as(phoneMatch.body()).isEqualTo(409);
		assertThat(list(phoneMatch.body(), "$.candidates[*].code")).containsExactly(this.prefix + "BUY");
		assertThat(list(phoneMatch.body(), "$.candidates[0].matches")).containsExactly("phone");
		assertThat(text(phoneMatch.body(), "$.detail")).contains("allowDuplicate=true");

		HttpResponse<String> emailMatch = send("POST", "/api/v1/customers", this.rep,
				"{\"name\": \"Someone Else\", \"email\": \"  %s \"}".formatted(this.email.toUpperCase()), null);
		assertThat(list(emailMatch.body(), "$.candidates[0].matches")).containsExactly("email");

		// Another rep learns only whose customer it is.
		HttpResponse<String> hidden = send("POST", "/api/v1/customers", this.otherRep, byPhone, null);
		assertThat(hidden.statusCode()).isEqualTo(409);
		assertThat(hidden.body()).doesNotContain(this.prefix + "BUY").doesNotContain(this.company);
		assertThat(list(hidden.body(), "$.candidates[*].ownerName")).containsExactly("rep 用户");

		String containing = "{\"name\": \"%s分部\", \"city\": \"上海\"}".formatted(this.company);
		HttpResponse<String> similar = send("POST", "/api/v1/customers", this.rep, containing, null);
		assertThat(similar.statusCode()).as(similar.body()).isEqualTo(409);
		assertThat(list(similar.body(), "$.candidates[0].matches")).containsExactly("name");
		HttpResponse<String> otherCity = send("POST", "/api/v1/customers", this.rep,
				"{\"name\": \"%s分部\", \"city\": \"广州\"}".formatted(this.company), null);
		assertThat(otherCity.statusCode()).as(otherCity.body()).isEqualTo(201);

		// Similar but neither name contains the other: only trigrams see it.
		String shorter = this.company.replace("有限公司", "公司");
		HttpResponse<String> trigram = send("POST", "/api/v1/customers", this.rep,
				"{\"name\": \"%s\", \"city\": \"上海\"}".formatted(shorter), null);
		assertThat(trigram.statusCode()).as(trigram.body()).isEqualTo(trigrams() ? 409 : 201);

		HttpResponse<String> anyway = send("POST", "/api/v1/customers?allowDuplicate=true", this.rep, byPhone, null);
		assertThat(anyway.statusCode()).as(anyway.body()).isEqualTo(201);
	}

	@Test
	void managersMergeCustomersWithTheirOrdersInteractionsAndHistoryRepsCannot() throws Exception {
		Customer kept = this.fixture.customer(this.prefix, "KEEP", "Kept Ltd", this.team.rep());
		Customer merged = this.fixture.customer(this.prefix, "GONE", "Kept Limited", this.team.otherRep());
		this.orders.save(new SalesOrder(this.prefix + "-SOM", merged.getId(), Instant.now().minus(3, ChronoUnit.DAYS),
				new BigDecimal("10.00"), BigDecimal.ONE, OrderStatus.COMPLETED));
		Instant contacted = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
		this.fixture.interaction(merged, contacted, 4);
		for (Customer customer : List.of(kept, merged)) {
			this.jdbc.update(
					"insert into customer_contacts (customer_id, name, is_primary, created_at, updated_at)"
							+ " values (?, ?, true, current_timestamp, current_timestamp)",
					customer.getId(), "Primary of " + customer.getCode());
		}
		String gone = "/api/v1/customers/" + merged.getCode();
		send("PATCH", gone, this.manager, "{\"city\": \"南京\", \"version\": %d}".formatted(version(gone, this.manager)),
				null);

		HttpResponse<String> byRep = send("POST", gone + "/merge", this.otherRep,
				"{\"into\": \"%s\"}".formatted(kept.getCode()), "en");
		assertThat(byRep.statusCode()).isEqualTo(403);
		assertThat(text(byRep.body(), "$.detail")).contains("Only managers and admins");
		assertThat(
				send("POST", gone + "/merge", this.outsideManager, "{\"into\": \"%s\"}".formatted(kept.getCode()), null)
					.statusCode())
			.isEqualTo(404);

		HttpResponse<String> byManager = send("POST", gone + "/merge", this.manager,
				"{\"into\": \"%s\"}".formatted(kept.getCode()), null);
		assertThat(byManager.statusCode()).as(byManager.body()).isEqualTo(200);
		assertThat(text(byManager.body(), "$.code")).isEqualTo(kept.getCode());
		assertThat((Integer) JsonPath.read(byManager.body(), "$.totals.completedOrders")).isEqualTo(1);

		HttpResponse<String> mergedJson = send("GET", gone, this.manager, null, null);
		assertThat(text(mergedJson.body(), "$.status")).isEqualTo("MERGED");
		assertThat(text(mergedJson.body(), "$.mergedInto")).isEqualTo(kept.getCode());
		assertThat(this.jdbc.queryForObject("select count(*) from interactions where customer_id = ?", Long.class,
				kept.getId()))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select last_contact_at from customers where id = ?", Instant.class,
				kept.getId()))
			.isEqualTo(contacted);
		// the merged customer's contact persons too, the kept one's primary contact
		// staying so
		assertThat(this.jdbc.queryForList("select name from customer_contacts where customer_id = ? and is_primary",
				String.class, kept.getId()))
			.containsExactly("Primary of " + kept.getCode());
		assertThat(this.jdbc.queryForObject("select count(*) from customer_contacts where customer_id = ?", Long.class,
				kept.getId()))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entries where action = 'CUSTOMERS_MERGED' and target = ?", Long.class,
				kept.getCode()))
			.isOne();

		List<String> keptHistory = JsonPath.read(
				send("GET", "/api/v1/customers/" + kept.getCode() + "/changes", this.manager, null, null).body(),
				"$[*].kind");
		assertThat(keptHistory).containsExactly("MERGED_FROM", "EDITED");
		List<String> mergedHistory = JsonPath.read(send("GET", gone + "/changes", this.manager, null, null).body(),
				"$[*].kind");
		assertThat(mergedHistory).containsExactly("MERGED_INTO");

		HttpResponse<String> again = send("PATCH", gone, this.manager,
				"{\"city\": \"上海\", \"version\": %d}".formatted(version(gone, this.manager)), "en");
		assertThat(again.statusCode()).isEqualTo(409);
	}

	@Test
	void tierReasonsComeAsACodeWithTheTextInTheCallersLanguage() throws Exception {
		String path = "/api/v1/customers/" + this.buyer.getCode();
		HttpResponse<String> chinese = send("GET", path, this.rep, null, "zh-CN");
		String code = JsonPath.read(chinese.body(), "$.segmentation.abcReason.code");
		assertThat(code).startsWith("abc.reason.").doesNotContain("|");
		String chineseText = JsonPath.read(chinese.body(), "$.segmentation.abcReason.text");
		assertThat(chineseText).isNotBlank().doesNotContain("abc.reason").containsPattern("\\p{IsHan}");
		String englishText = JsonPath.read(send("GET", path, this.rep, null, "en").body(),
				"$.segmentation.abcReason.text");
		assertThat(englishText).doesNotContain("abc.reason").doesNotContainPattern("\\p{IsHan}");
		assertThat(text(chinese.body(), "$.segmentation.rfmReason.code")).startsWith("rfm.reason.");
		assertThat(text(chinese.body(), "$.segmentation.clvReason.code")).startsWith("clv.reason.");
	}

	private long version(String path, String user) throws Exception {
		HttpResponse<String> response = send("GET", path, user, null, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return ((Number) JsonPath.read(response.body(), "$.version")).longValue();
	}

	private static List<String> list(String json, String path) {
		return JsonPath.read(json, path);
	}

	private static @Nullable String text(String json, String path) {
		return JsonPath.read(json, path);
	}

	private static String uniqueDigits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		return digits.toString();
	}

	private HttpResponse<String> send(String method, String path, String username, @Nullable String json,
			@Nullable String language) throws IOException, InterruptedException {
		return send(method, path, username, json, language, null);
	}

	private HttpResponse<String> send(String method, String path, String username, @Nullable String json,
			@Nullable String language, @Nullable String ifMatch) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + basic)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (language != null) {
			request.header("Accept-Language", language);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
