package com.tiercrm;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.customer.Customer;
import com.tiercrm.imports.ImportFinished;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportStatus;
import com.tiercrm.notification.TaskReminders;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep's day across the stack: reps land on Today, follow-ups through the API stay
 * within each user's scope (another rep's customer's task is a 404), a stale edit is a
 * 409, a published run tells owners of their downgrades (and Today lists them), the
 * reminder sweep tells of a follow-up coming due once, and an import's end is told to
 * whoever started it. Subclasses pick the database.
 */
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepDayIntegrationTests {

	private static final String PASSWORD = "rep-day-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TaskReminders reminders;

	@Autowired
	private ApplicationEventPublisher events;

	private final String prefix = "RD" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private Customer star;

	private Customer regular;

	private Customer othersCustomer;

	@BeforeAll
	void twoRunsWithTheRepsBestCustomerLosingEveryOrder() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		this.star = this.fixture.customer(this.prefix, "-STAR", "明星客户", this.team.rep());
		this.regular = this.fixture.customer(this.prefix, "-REG", "Regular Ltd", this.team.rep());
		this.othersCustomer = this.fixture.customer(this.prefix, "-OTH", "Other Rep Co", this.team.otherRep());
		Instant now = Instant.now();
		order(this.star, "1", now.minus(20, ChronoUnit.DAYS), 50_000_000);
		order(this.star, "2", now.minus(60, ChronoUnit.DAYS), 40_000_000);
		order(this.regular, "1", now.minus(30, ChronoUnit.DAYS), 300);
		order(this.othersCustomer, "1", now.minus(40, ChronoUnit.DAYS), 500);
		run();
		// Every order of the star undone: the next run has no purchase of theirs.
		this.jdbc.update("delete from sales_orders where customer_id = ?", this.star.getId());
		run();
	}

	@Test
	void repsLandOnTodayAndManagersOnTheDashboard() throws Exception {
		FormClient rep = login(this.team.rep());
		assertThat(rep.get("/").headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/today"));
		HttpResponse<String> today = rep.get("/today");
		assertThat(today.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(today.body());
		assertThat(page.select("#today-tasks, #today-contacts, #downgrades, #at-risk")).hasSize(4);
		assertThat(page.selectFirst("#nav-today")).isNotNull();
		FormClient manager = login(this.team.manager());
		assertThat(manager.get("/").headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/dashboard"));
		assertThat(manager.get("/today").statusCode()).isEqualTo(200);
	}

	@Test
	void tasksThroughTheApiStayWithinEachUsersScope() throws Exception {
		String rep = this.team.rep().getUsername();
		String otherRep = this.team.otherRep().getUsername();
		String manager = this.team.manager().getUsername();
		Instant due = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		HttpResponse<String> created = api("POST", "/api/v1/tasks", rep, "{\"customer\":\"" + this.regular.getCode()
				+ "\",\"dueAt\":\"" + due + "\",\"note\":\"Send the catalogue\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		int id = JsonPath.read(created.body(), "$.id");
		assertThat(JsonPath.<Number>read(created.body(), "$.assigneeId").longValue())
			.isEqualTo(this.team.rep().getId());
		assertThat(JsonPath.<String>read(created.body(), "$.dueAt")).isEqualTo(due.toString());

		// Another rep: the task, and a new one on the customer, do not exist.
		for (HttpResponse<String> hidden : List.of(api("GET", "/api/v1/tasks/" + id, otherRep, null),
				api("PUT", "/api/v1/tasks/" + id, otherRep, "{\"dueAt\":\"" + due + "\",\"version\":0}"),
				api("POST", "/api/v1/tasks/" + id + "/done", otherRep, ""), api("POST", "/api/v1/tasks", otherRep,
						"{\"customer\":\"" + this.regular.getCode() + "\",\"dueAt\":\"" + due + "\"}"))) {
			assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
			assertThat(hidden.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(JsonPath.<List<Integer>>read(api("GET", "/api/v1/tasks", otherRep, null).body(), "$.items[*].id"))
			.doesNotContain(id);
		// The team's manager sees it, but cannot give it to a rep who may not see the
		// customer.
		assertThat(api("GET", "/api/v1/tasks/" + id, manager, null).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = api("PUT", "/api/v1/tasks/" + id, manager,
				"{\"assigneeId\":" + this.team.otherRep().getId() + ",\"dueAt\":\"" + due + "\",\"version\":0}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].field")).isEqualTo("assigneeId");

		assertThat(ids(rep, "?done=false&dueBefore=" + due.plusSeconds(60))).contains(id);
		assertThat(ids(rep, "?done=false&dueBefore=" + due.minusSeconds(60))).doesNotContain(id);

		HttpResponse<String> moved = api("PUT", "/api/v1/tasks/" + id, rep,
				"{\"dueAt\":\"" + due.plusSeconds(3600) + "\",\"note\":\"Call instead\",\"version\":0}");
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(moved.body(), "$.version")).isEqualTo(1);
		HttpResponse<String> stale = api("PUT", "/api/v1/tasks/" + id, manager,
				"{\"dueAt\":\"" + due + "\",\"note\":\"Mine\",\"version\":0}");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<String>read(stale.body(), "$.current.note")).isEqualTo("Call instead");

		HttpResponse<String> invalid = api("POST", "/api/v1/tasks", rep,
				"{\"customer\":\"" + this.regular.getCode() + "\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(invalid.body(), "$.errors[*].field")).containsExactly("dueAt");

		HttpResponse<String> done = api("POST", "/api/v1/tasks/" + id + "/done", rep, "");
		assertThat(JsonPath.<Boolean>read(done.body(), "$.done")).isTrue();
		assertThat(JsonPath.<String>read(done.body(), "$.doneBy")).isEqualTo(this.team.rep().getDisplayName());
		assertThat(ids(rep, "?done=true")).contains(id);
		assertThat(ids(rep, "?done=false")).doesNotContain(id);
	}

	@Test
	void aPublishedRunTellsOwnersOfTheirDowngradesInTheirLanguage() throws Exception {
		FormClient rep = login(this.team.rep());
		Document today = Jsoup.parse(rep.get("/today").body());
		assertThat(today.select("#downgrades li.downgrade").eachAttr("data-code")).containsExactly(this.star.getCode());
		assertThat(today.selectFirst("#bell-count")).isNotNull();
		Document notifications = Jsoup.parse(rep.get("/notifications").body());
		assertThat(notifications.select(".notification-text").eachText())
			.anyMatch((text) -> text.startsWith("1 of your customers moved to a lower tier in the run of"));
		assertThat(Jsoup.parse(rep.get("/notifications?lang=zh-CN").body()).select(".notification-text").eachText())
			.anyMatch((text) -> text.contains("您有 1 位客户等级下降"));
		assertThat(Jsoup.parse(rep.get("/today/downgrades").body()).select("li.downgrade").eachAttr("data-code"))
			.containsExactly(this.star.getCode());

		Long unread = unread(this.team.rep());
		Long id = this.jdbc.queryForObject(
				"select max(id) from notifications where user_id = ? and kind = 'DOWNGRADES'", Long.class,
				this.team.rep().getId());
		rep.get("/notifications");
		HttpResponse<String> opened = rep.post("/notifications/" + id + "/read", "");
		assertThat(opened.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/today#downgrades"));
		assertThat(unread(this.team.rep())).isEqualTo(unread - 1);
		FormClient otherRep = login(this.team.otherRep());
		otherRep.get("/notifications");
		assertThat(otherRep.post("/notifications/" + id + "/read", "").statusCode()).isEqualTo(404);
	}

	@Test
	void aFollowUpComingDueIsToldOnce() throws Exception {
		Instant due = Instant.now().plus(20, ChronoUnit.MINUTES);
		String rep = this.team.rep().getUsername();
		assertThat(api("POST", "/api/v1/tasks", rep,
				"{\"customer\":\"" + this.star.getCode() + "\",\"dueAt\":\"" + due + "\"}")
			.statusCode()).isEqualTo(201);
		assertThat(api("POST", "/api/v1/tasks", rep,
				"{\"customer\":\"" + this.star.getCode() + "\",\"dueAt\":\"" + due.plus(Duration.ofDays(2)) + "\"}")
			.statusCode()).isEqualTo(201);
		this.reminders.remind();
		this.reminders.remind();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notifications where user_id = ? and kind = 'TASK_DUE'" + " and arg1 = ?",
				Integer.class, this.team.rep().getId(), this.star.getCode()))
			.isEqualTo(1);
		List<String> texts = Jsoup.parse(login(this.team.rep()).get("/notifications").body())
			.select(".notification-text")
			.eachText();
		assertThat(texts).contains("Follow-up with 明星客户 (" + this.star.getCode() + ") is due.");
	}

	@Test
	void anImportsEndIsToldToWhoStartedIt() throws Exception {
		User admin = this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
		this.jdbc.update(
				"insert into import_jobs (kind, file_name, file_bytes, mode, dry_run, status, requested_by,"
						+ " started_at) values ('ORDERS', 'orders-dec.csv', 10, 'ATOMIC', false, 'FAILED', ?, ?)",
				admin.getUsername(), java.sql.Timestamp.from(Instant.now()));
		Long job = this.jdbc.queryForObject("select max(id) from import_jobs where requested_by = ?", Long.class,
				admin.getUsername());
		this.events.publishEvent(
				new ImportFinished(job, ImportKind.ORDERS, ImportStatus.FAILED, false, false, 10, Duration.ZERO));
		FormClient client = login(admin);
		assertThat(Jsoup.parse(client.get("/notifications").body()).select(".notification-text").eachText())
			.containsExactly("Import of Orders from orders-dec.csv failed; nothing was written.");
		assertThat(Jsoup.parse(client.get("/notifications?lang=zh-CN").body()).select(".notification-text").eachText())
			.containsExactly("orders-dec.csv 的订单导入失败，未写入任何数据。");
	}

	@Test
	void aFollowUpPlannedFromTheBookReturnsThereAndInvalidInputIsKept() throws Exception {
		FormClient rep = login(this.team.rep());
		Document book = Jsoup.parse(rep.get("/book").body());
		assertThat(book.select("form.plan-form input[name=customer]").eachAttr("value"))
			.contains(this.regular.getCode());
		String date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
		HttpResponse<String> planned = rep.post("/tasks", "customer=" + this.regular.getCode() + "&dueDate=" + date
				+ "&dueTime=10:30&note=Bring+samples&returnTo=%2Fbook%3Fpage%3D1");
		assertThat(planned.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/book?page=1"));
		assertThat(JsonPath.<List<String>>read(
				api("GET", "/api/v1/tasks?done=false", this.team.rep().getUsername(), null).body(), "$.items[*].note"))
			.contains("Bring samples");

		// No date: the form again, with the reason and what was typed.
		HttpResponse<String> invalid = rep.post("/tasks",
				"customer=" + this.regular.getCode() + "&dueDate=&dueTime=10:30&note=Keep+me");
		assertThat(invalid.statusCode()).isEqualTo(200);
		Document form = Jsoup.parse(invalid.body());
		assertThat(form.select("#dueDate + .invalid-feedback").text()).isEqualTo("This field is required.");
		assertThat(form.select("#note").text()).isEqualTo("Keep me");

		FormClient otherRep = login(this.team.otherRep());
		otherRep.get("/today");
		assertThat(otherRep.post("/tasks", "customer=" + this.regular.getCode() + "&dueDate=" + date + "&dueTime=10:30")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aConflictingEditShowsTheOtherEditAndKeepsTheInput() throws Exception {
		String created = api("POST", "/api/v1/tasks", this.team.rep().getUsername(),
				"{\"customer\":\"" + this.regular.getCode() + "\",\"dueAt\":\"" + Instant.now().plus(2, ChronoUnit.DAYS)
						+ "\",\"note\":\"First\"}")
			.body();
		int id = JsonPath.read(created, "$.id");
		FormClient rep = login(this.team.rep());
		Document edit = Jsoup.parse(rep.get("/tasks/" + id + "/edit").body());
		String version = edit.selectFirst("input[name=version]").attr("value");
		String date = edit.selectFirst("#dueDate").attr("value");
		assertThat(api("PUT", "/api/v1/tasks/" + id, this.team.manager().getUsername(), "{\"dueAt\":\""
				+ Instant.now().plus(3, ChronoUnit.DAYS) + "\",\"note\":\"The manager's\",\"version\":0}")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> conflict = rep.post("/tasks/" + id, "customer=" + this.regular.getCode() + "&version="
				+ version + "&dueDate=" + date + "&dueTime=09:15&note=Mine");
		Document page = Jsoup.parse(conflict.body());
		assertThat(page.selectFirst("#task-conflict")).isNotNull();
		assertThat(page.select("#task-current").text()).contains("The manager's");
		assertThat(page.select("#note").text()).isEqualTo("Mine");
		assertThat(page.selectFirst("input[name=version]").attr("value")).isEqualTo("1");
		HttpResponse<String> saved = rep.post("/tasks/" + id,
				"customer=" + this.regular.getCode() + "&version=1&dueDate=" + date + "&dueTime=09:15&note=Mine");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(JsonPath.<String>read(api("GET", "/api/v1/tasks/" + id, this.team.rep().getUsername(), null).body(),
				"$.note"))
			.isEqualTo("Mine");
	}

	private List<Integer> ids(String username, String query) throws Exception {
		return JsonPath.read(api("GET", "/api/v1/tasks" + query, username, null).body(), "$.items[*].id");
	}

	private Long unread(User user) {
		return this.jdbc.queryForObject("select count(*) from notifications where user_id = ? and read_at is null",
				Long.class, user.getId());
	}

	private void order(Customer customer, String suffix, Instant at, long amount) {
		this.orders.save(new SalesOrder(customer.getCode() + "-SO" + suffix, customer.getId(), at,
				new BigDecimal(amount), BigDecimal.ONE, OrderStatus.COMPLETED));
	}

	private void run() {
		SegmentationRun run = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
	}

	private FormClient login(User user) throws IOException, InterruptedException {
		FormClient client = new FormClient(this.port);
		client.login(user.getUsername(), PASSWORD);
		return client;
	}

	private HttpResponse<String> api(String method, String path, String username, String json)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.BodyPublisher body = (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody();
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.header("Accept-Language", "en")
				.method(method, body)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
