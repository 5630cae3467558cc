package com.tiercrm;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.AccessScope;
import com.tiercrm.customer.Customer;
import com.tiercrm.search.GlobalSearch;
import com.tiercrm.search.SearchResults;
import com.tiercrm.search.SearchResults.ContactHit;
import com.tiercrm.search.SearchResults.CustomerHit;
import com.tiercrm.search.SearchResults.Match;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Contacts through {@code /api/v1/customers/{code}/contacts} and the customer page, the
 * search box, the customer list's total and its saved views, for a rep, the other rep of
 * the team and their manager. A rep's view of another rep's customer is a 404 whatever
 * the method. Subclasses pick the database: the search's queries differ on PostgreSQL.
 */
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContactsIntegrationTests {

	private static final String PASSWORD = "contacts-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private GlobalSearch search;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "CT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	private SalesTeam team;

	private String mine;

	private String theirs;

	@BeforeAll
	void createTeamAndCustomers() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		this.mine = this.fixture.customer(this.prefix, "-A1", "上海华联贸易有限公司", this.team.rep()).getCode();
		this.fixture.customer(this.prefix, "-A10", "华联超市", this.team.rep());
		this.fixture.customer(this.prefix, "-A2", "联华华联便利", this.team.rep());
		Customer phone = this.fixture.customer(this.prefix, "-A3", "Emma Zhang", this.team.rep());
		this.jdbc.update("update customers set phone = '13912345678', phone_display = '139 1234 5678' where id = ?",
				phone.getId());
		for (int i = 1; i <= 12; i++) {
			this.fixture.customer(this.prefix, "-M%02d".formatted(i), "测试门店 %02d".formatted(i), this.team.rep());
		}
		this.theirs = this.fixture.customer(this.prefix, "-B1", "华联欧阳有限公司", this.team.otherRep()).getCode();
	}

	@Test
	void aRepAddsContactsAndTheFirstOrTheNewlyMarkedIsPrimary() throws Exception {
		String rep = this.prefix + "-rep";
		HttpResponse<String> first = api("POST", "/" + this.mine + "/contacts",
				"{\"name\": \"欧阳翠花\", \"title\": \"采购经理\", \"phone\": \"+86 138-0000-0000\","
						+ " \"email\": \"cuihua@example.com\", \"wechat\": \"cuihua_88\"}",
				rep, "en");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(first.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).contains("/api/v1/customers/" + this.mine + "/contacts/"));
		assertThat(JsonPath.<Boolean>read(first.body(), "$.primary")).isTrue();
		HttpResponse<String> second = api("POST", "/" + this.mine + "/contacts",
				"{\"name\": \"Li Lei\", \"title\": \"Finance\", \"primary\": true}", rep, "en");
		assertThat(second.statusCode()).isEqualTo(201);
		String list = api("GET", "/" + this.mine + "/contacts", null, rep, "en").body();
		assertThat(JsonPath.<List<String>>read(list, "$[*].name")).containsExactly("Li Lei", "欧阳翠花");
		assertThat(JsonPath.<List<Boolean>>read(list, "$[*].primary")).containsExactly(true, false);

		// A change from a stale version is refused with the contact as it is now.
		int id = JsonPath.read(first.body(), "$.id");
		int version = JsonPath.read(list, "$[1].version");
		HttpResponse<String> changed = api("PUT", "/" + this.mine + "/contacts/" + id,
				"{\"name\": \"欧阳翠花\", \"title\": \"采购总监\", \"version\": " + version + "}", rep, "en");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(JsonPath.<String>read(changed.body(), "$.title")).isEqualTo("采购总监");
		HttpResponse<String> stale = api("PUT", "/" + this.mine + "/contacts/" + id,
				"{\"name\": \"欧阳翠花\", \"title\": \"Buyer\", \"version\": " + version + "}", rep, "zh-CN");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonPath.<String>read(stale.body(), "$.current.title")).isEqualTo("采购总监");
		assertThat(JsonPath.<String>read(stale.body(), "$.detail")).contains("其他人修改了该联系人");

		int secondId = JsonPath.read(second.body(), "$.id");
		assertThat(api("DELETE", "/" + this.mine + "/contacts/" + secondId, null, rep, "en").statusCode())
			.isEqualTo(204);
		assertThat(JsonPath.<List<String>>read(api("GET", "/" + this.mine + "/contacts", null, rep, "en").body(),
				"$[*].name"))
			.containsExactly("欧阳翠花");
	}

	@Test
	void anotherRepsCustomersContactsAreNotFoundWhateverTheMethod() throws Exception {
		String rep = this.prefix + "-rep";
		String rep2 = this.prefix + "-rep2";
		HttpResponse<String> added = api("POST", "/" + this.theirs + "/contacts", "{\"name\": \"王伟\"}", rep2, "en");
		assertThat(added.statusCode()).isEqualTo(201);
		int id = JsonPath.read(added.body(), "$.id");
		String path = "/" + this.theirs + "/contacts";
		for (HttpResponse<String> response : List.of(api("GET", path, null, rep, "en"),
				api("GET", path + "/" + id, null, rep, "en"), api("POST", path, "{\"name\": \"Intruder\"}", rep, "en"),
				api("PUT", path + "/" + id, "{\"name\": \"Intruder\"}", rep, "en"),
				api("DELETE", path + "/" + id, null, rep, "en"))) {
			assertThat(response.statusCode()).as(response.request().method()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
		// A contact of one of my customers is not reachable through another customer.
		assertThat(api("GET", "/" + this.mine + "/contacts/" + id, null, rep, "en").statusCode()).isEqualTo(404);
		// The manager of both reps sees it, and nothing was changed.
		String managers = api("GET", path, null, this.prefix + "-mgr", "en").body();
		assertThat(JsonPath.<List<String>>read(managers, "$[*].name")).containsExactly("王伟");
		FormClient page = new FormClient(this.port);
		page.login(rep, PASSWORD);
		assertThat(page.get("/customers/" + this.theirs + "/contacts/" + id + "/edit").statusCode()).isEqualTo(404);
		page.get("/customers/" + this.mine);
		assertThat(page.post("/customers/" + this.theirs + "/contacts/" + id + "/delete", "").statusCode())
			.isEqualTo(404);
		assertThat(page.post("/customers/" + this.theirs + "/contacts", "name=Intruder").statusCode()).isEqualTo(404);
	}

	@Test
	void anEditOverAnotherShowsTheOtherEditAndKeepsTheInput() throws Exception {
		String rep = this.prefix + "-rep";
		Customer customer = this.fixture.customer(this.prefix, "-V1", "冲突测试公司", this.team.rep());
		HttpResponse<String> added = api("POST", "/" + customer.getCode() + "/contacts", "{\"name\": \"Chen Jing\"}",
				rep, "en");
		int id = JsonPath.read(added.body(), "$.id");
		FormClient page = new FormClient(this.port);
		page.login(rep, PASSWORD);
		String edit = "/customers/" + customer.getCode() + "/contacts/" + id;
		String version = Jsoup.parse(page.get(edit + "/edit").body()).selectFirst("input[name=version]").attr("value");
		assertThat(api("PUT", "/" + customer.getCode() + "/contacts/" + id,
				"{\"name\": \"Chen Jing\", \"title\": \"CFO\", \"version\": " + version + "}", this.prefix + "-mgr",
				"en")
			.statusCode()).isEqualTo(200);
		HttpResponse<String> conflict = page.post(edit, "name=Chen+Jing&title=Buyer&version=" + version);
		assertThat(conflict.statusCode()).isEqualTo(200);
		Document html = Jsoup.parse(conflict.body());
		assertThat(html.selectFirst("#contact-conflict").text()).contains("Someone else changed this contact", "CFO");
		assertThat(html.selectFirst("#contact-title").attr("value")).isEqualTo("Buyer");
		String newer = html.selectFirst("input[name=version]").attr("value");
		assertThat(newer).isNotEqualTo(version);
		// Saving again, knowing, replaces the other edit.
		assertThat(page.post(edit, "name=Chen+Jing&title=Buyer&version=" + newer).statusCode()).isEqualTo(302);
		assertThat(JsonPath
			.<String>read(api("GET", "/" + customer.getCode() + "/contacts/" + id, null, rep, "en").body(), "$.title"))
			.isEqualTo("Buyer");
	}

	@Test
	void invalidContactsAreRefusedInTheUsersLanguage() throws Exception {
		String rep = this.prefix + "-rep";
		HttpResponse<String> refused = api("POST", "/" + this.mine + "/contacts",
				"{\"name\": \" \", \"email\": \"not-an-address\", \"wechat\": \"微信号\"}", rep, "zh-CN");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		List<Map<String, String>> errors = JsonPath.read(refused.body(), "$.errors");
		assertThat(errors).extracting((error) -> error.get("field"), (error) -> error.get("reason"))
			.containsExactlyInAnyOrder(tuple("name", "此项为必填项。"), tuple("email", "请输入有效的邮箱地址。"),
					tuple("wechat", "只能包含字母、数字、_ 和 -。"));

		// On the page the form comes back with the reason and what was typed.
		FormClient page = new FormClient(this.port);
		page.login(rep, PASSWORD);
		page.get("/customers/" + this.mine + "?lang=zh-CN");
		HttpResponse<String> form = page.post("/customers/" + this.mine + "/contacts",
				"name=%E5%BC%A0%E4%B8%89&email=zhangsan-at-example");
		assertThat(form.statusCode()).isEqualTo(200);
		Document html = Jsoup.parse(form.body());
		assertThat(html.selectFirst("#contact-name").attr("value")).isEqualTo("张三");
		assertThat(html.selectFirst("#contact-email").attr("value")).isEqualTo("zhangsan-at-example");
		assertThat(html.select(".invalid-feedback").text()).contains("请输入有效的邮箱地址。");
	}

	@Test
	void theSearchRanksTheExactCodeThenPrefixesThenTheRest() {
		AccessScope rep = AccessScope.own(this.team.rep().getId());
		SearchResults byCode = this.search.search(this.mine.toLowerCase(), rep, 10);
		assertThat(byCode.customers()).extracting(CustomerHit::code, CustomerHit::match)
			.startsWith(tuple(this.mine, Match.EXACT), tuple(this.mine + "0", Match.PREFIX));

		SearchResults byName = this.search.search("华联", rep, 10);
		assertThat(byName.customers()).extracting(CustomerHit::name, CustomerHit::match)
			.containsExactly(tuple("华联超市", Match.PREFIX), tuple("上海华联贸易有限公司", Match.CONTAINS),
					tuple("联华华联便利", Match.CONTAINS));
		// The other rep's 华联欧阳有限公司 is the manager's to find, not the rep's.
		assertThat(this.search.search("华联", AccessScope.team(this.team.manager().getId()), 10).customers())
			.extracting(CustomerHit::code)
			.contains(this.theirs);

		assertThat(this.search.search("2345", rep, 10).customers()).extracting(CustomerHit::name, CustomerHit::phone)
			.containsExactly(tuple("Emma Zhang", "139 1234 5678"));
		assertThat(this.search.search("139 1234", rep, 10).customers()).extracting(CustomerHit::match)
			.containsExactly(Match.PREFIX);
		assertThat(this.search.search("emma", rep, 10).customers()).extracting(CustomerHit::name)
			.containsExactly("Emma Zhang");

		SearchResults many = this.search.search("测试", rep, 10);
		assertThat(many.customers()).hasSize(10)
			.extracting(CustomerHit::name)
			.allSatisfy((name) -> assertThat(name).startsWith("测试门店"));
		assertThat(this.search.search("  ", rep, 10).isEmpty()).isTrue();
		assertThat(this.search.search("%", rep, 10).customers()).isEmpty();
	}

	@Test
	void theSearchFindsContactsByOneOrTwoCharactersWithinTheScope() throws Exception {
		String rep = this.prefix + "-rep";
		Customer customer = this.fixture.customer(this.prefix, "-C1", "杭州西湖茶业", this.team.rep());
		assertThat(api("POST", "/" + customer.getCode() + "/contacts", "{\"name\": \"司马翠翠\", \"title\": \"老板\"}", rep,
				"en")
			.statusCode()).isEqualTo(201);
		assertThat(api("POST", "/" + this.theirs + "/contacts", "{\"name\": \"司马光\"}", this.prefix + "-rep2", "en")
			.statusCode()).isEqualTo(201);
		AccessScope scope = AccessScope.own(this.team.rep().getId());
		for (String fragment : List.of("司", "司马", "翠翠", "马翠翠")) {
			assertThat(this.search.search(fragment, scope, 10).contacts()).as(fragment)
				.extracting(ContactHit::name, ContactHit::customerCode)
				.contains(tuple("司马翠翠", customer.getCode()))
				.doesNotContain(tuple("司马光", this.theirs));
		}
		assertThat(this.search.search("司马", scope, 10).contacts()).extracting(ContactHit::match)
			.containsOnly(Match.PREFIX);
		assertThat(this.search.search("司马", AccessScope.team(this.team.manager().getId()), 10).contacts())
			.extracting(ContactHit::name)
			.contains("司马翠翠", "司马光");

		FormClient page = new FormClient(this.port);
		page.login(rep, PASSWORD);
		Document results = Jsoup.parse(page.get("/search?q=" + URLEncoder.encode("司马", StandardCharsets.UTF_8)).body());
		assertThat(results.select("#search-contacts a").eachText()).contains("司马翠翠").doesNotContain("司马光");
		assertThat(results.select("#search-contacts a").attr("href"))
			.startsWith("/customers/" + customer.getCode() + "#contact-");
	}

	@Test
	void theListShowsItsTotalAndLinksNames() throws Exception {
		FormClient page = new FormClient(this.port);
		page.login(this.prefix + "-rep", PASSWORD);
		Document list = Jsoup.parse(page.get("/customers?q=" + this.prefix + "-M&size=5").body());
		assertThat(list.selectFirst("#customer-total").text()).isEqualTo("12 customers");
		assertThat(list.select("#customers tbody td:nth-child(2) a").eachAttr("href")).hasSize(5)
			.allSatisfy((href) -> assertThat(href).startsWith("/customers/" + this.prefix + "-M"));
	}

	@Test
	void savedViewsAreSharedWithTheTeamAndDeletedOnlyByTheirOwner() throws Exception {
		FormClient rep = new FormClient(this.port);
		rep.login(this.prefix + "-rep", PASSWORD);
		rep.get("/customers");
		String query = "q=" + this.prefix + "&sort=NAME_DESC";
		String form = "name=" + URLEncoder.encode("华联 by name", StandardCharsets.UTF_8) + "&shared=on&query="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8);
		HttpResponse<String> saved = rep.post("/customers/views", form);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/customers?" + query));
		assertThat(Jsoup.parse(rep.get("/customers?" + query).body()).selectFirst("#view-message").text())
			.isEqualTo("The view 华联 by name was saved.");
		// The same name again is refused, and the name typed comes back.
		assertThat(rep.post("/customers/views", form).statusCode()).isEqualTo(302);
		Document again = Jsoup.parse(rep.get("/customers?" + query).body());
		assertThat(again.selectFirst("#view-error").text()).contains("already have a view");
		assertThat(again.selectFirst("#view-name").attr("value")).isEqualTo("华联 by name");
		rep.post("/customers/views", "name=" + this.prefix + "-private&query=sort%3DNEWEST");

		FormClient other = new FormClient(this.port);
		other.login(this.prefix + "-rep2", PASSWORD);
		Document theirs = Jsoup.parse(other.get("/customers").body());
		assertThat(theirs.select(".saved-view a").eachText()).anyMatch((name) -> name.startsWith("华联 by name"))
			.noneMatch((name) -> name.startsWith(this.prefix + "-private"));
		assertThat(theirs.select(".saved-view a").eachAttr("href")).contains("/customers?" + query);
		assertThat(theirs.select(".saved-view-delete")).isEmpty();
		FormClient manager = new FormClient(this.port);
		manager.login(this.prefix + "-mgr", PASSWORD);
		assertThat(Jsoup.parse(manager.get("/customers").body()).select(".saved-view a").eachText())
			.anyMatch((name) -> name.startsWith("华联 by name"));

		Long id = this.jdbc.queryForObject("select id from saved_views where name = ? and user_id = ?", Long.class,
				"华联 by name", this.team.rep().getId());
		other.post("/customers/views/" + id + "/delete", "");
		assertThat(this.jdbc.queryForObject("select count(*) from saved_views where id = ?", Long.class, id))
			.isEqualTo(1);
		Document mine = Jsoup.parse(rep.get("/customers").body());
		assertThat(mine.select(".saved-view-delete")).hasSize(2);
		rep.post("/customers/views/" + id + "/delete", "");
		assertThat(this.jdbc.queryForObject("select count(*) from saved_views where id = ?", Long.class, id)).isZero();
	}

	private HttpResponse<String> api(String method, String path, String body, String username, String language)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/customers" + path))
			.header("Authorization", "Basic " + basic)
			.header("Accept-Language", language)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
