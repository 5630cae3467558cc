package com.tiercrm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.customer.Customer;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's changes of users on the whole application against PostgreSQL, with sessions
 * in the database: a deactivated user's open session and API token stop working at once
 * and work again after reactivation, a change of role ends the session; and a manager
 * reassigns customers only within their teams, a rep none.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
class UserAdministrationIntegrationTests {

	private static final String PASSWORD = "admin-test-passphrase";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private ApiTokenManagement tokens;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "UA" + UUID.randomUUID().toString().substring(0, 6);

	@Test
	void aDeactivatedUsersSessionAndTokenStopWorkingAndWorkAgainOnceReactivated() throws Exception {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		User rep = team.rep();
		FormClient repBrowser = new FormClient(this.port);
		signIn(repBrowser, rep);
		assertThat(repBrowser.get("/dashboard").statusCode()).isEqualTo(200);
		String token = this.tokens.issue(rep.getId(), "test", ApiTokenAccess.READ_ONLY, Duration.ofDays(1)).secret();
		assertThat(api("/api/v1/customers", token).statusCode()).isEqualTo(200);
		assertThat(sessionsOf(rep)).isOne();

		FormClient admin = adminBrowser();
		admin.get("/admin/users");
		assertThat(admin.post("/admin/users/" + rep.getId() + "/enabled", "enabled=false").statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/users").body()).contains(rep.getUsername() + " disabled");

		assertThat(sessionsOf(rep)).isZero();
		HttpResponse<String> afterwards = repBrowser.get("/dashboard");
		assertThat(afterwards.statusCode()).isEqualTo(302);
		assertThat(afterwards.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
		assertThat(api("/api/v1/customers", token).statusCode()).isEqualTo(401);
		assertThat(new FormClient(this.port).login(rep.getUsername(), PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("error"));

		admin.get("/admin/users");
		admin.post("/admin/users/" + rep.getId() + "/enabled", "enabled=true");
		assertThat(api("/api/v1/customers", token).statusCode()).isEqualTo(200);
		FormClient again = new FormClient(this.port);
		signIn(again, rep);
		assertThat(again.get("/dashboard").statusCode()).isEqualTo(200);
	}

	@Test
	void aChangeOfRoleEndsTheSessionsAChangeOfNameDoesNot() throws Exception {
		SalesTeam team = this.fixture.create(this.prefix + "r", PASSWORD);
		User manager = team.manager();
		FormClient managerBrowser = new FormClient(this.port);
		signIn(managerBrowser, manager);
		FormClient admin = adminBrowser();

		admin.get("/admin/users/" + manager.getId() + "/edit");
		assertThat(admin
			.post("/admin/users/" + manager.getId() + "/edit",
					"displayName=Renamed&role=MANAGER&teamId=&version=" + version(manager))
			.statusCode()).isEqualTo(302);
		assertThat(managerBrowser.get("/dashboard").statusCode()).isEqualTo(200);

		admin.get("/admin/users/" + manager.getId() + "/edit");
		assertThat(admin
			.post("/admin/users/" + manager.getId() + "/edit",
					"displayName=Renamed&role=MANAGER&teamId=&headOfSales=true&version=" + version(manager))
			.statusCode()).isEqualTo(302);
		assertThat(sessionsOf(manager)).isZero();
		assertThat(managerBrowser.get("/dashboard").statusCode()).isEqualTo(302);
		signIn(managerBrowser, manager);
		assertThat(managerBrowser.get("/dashboard").body()).contains("Renamed");
	}

	@Test
	void aManagerReassignsOnlyWithinTheirTeamsAndARepNotAtAll() throws Exception {
		SalesTeam team = this.fixture.create(this.prefix + "m", PASSWORD);
		User outsider = this.fixture.user(this.prefix + "m", "out", Role.SALES_REP, null, PASSWORD);
		Customer mine = this.fixture.customer(this.prefix, "MINE", "Mine Trading", team.rep());
		Customer theirs = this.fixture.customer(this.prefix, "THEIRS", "Outside Trading", outsider);
		FormClient manager = new FormClient(this.port);
		signIn(manager, team.manager());
		manager.get("/customers/" + mine.getCode());

		assertThat(manager.post("/customers/" + theirs.getCode() + "/owner", "newOwner=" + team.rep().getId())
			.statusCode()).isEqualTo(404);
		assertThat(manager.post("/customers/" + mine.getCode() + "/owner", "newOwner=" + outsider.getId()).statusCode())
			.isEqualTo(400);
		assertThat(ownerOf(theirs)).isEqualTo(outsider.getId());
		assertThat(ownerOf(mine)).isEqualTo(team.rep().getId());

		FormClient rep = new FormClient(this.port);
		signIn(rep, team.rep());
		rep.get("/customers/" + mine.getCode());
		assertThat(
				rep.post("/customers/" + mine.getCode() + "/owner", "newOwner=" + team.otherRep().getId()).statusCode())
			.isEqualTo(403);
		assertThat(ownerOf(mine)).isEqualTo(team.rep().getId());

		assertThat(manager.post("/customers/" + mine.getCode() + "/owner", "newOwner=" + team.otherRep().getId())
			.statusCode()).isEqualTo(302);
		assertThat(ownerOf(mine)).isEqualTo(team.otherRep().getId());
		String page = manager.get("/customers/" + mine.getCode()).body();
		assertThat(page).contains("id=\"ownership-history\"").contains("Reassigned 1 customer(s) to rep2 用户");
	}

	@Test
	void theApiReassignsByCodeOrFilterWithinTheCallersScope() throws Exception {
		SalesTeam team = this.fixture.create(this.prefix + "a", PASSWORD);
		User outsider = this.fixture.user(this.prefix + "a", "out", Role.SALES_REP, null, PASSWORD);
		Customer mine = this.fixture.customer(this.prefix, "AMINE", "Api Mine Trading", team.rep());
		Customer theirs = this.fixture.customer(this.prefix, "ATHEIRS", "Api Outside Trading", outsider);
		String manager = this.tokens
			.issue(team.manager().getId(), "reassigner", ApiTokenAccess.READ_WRITE, Duration.ofDays(1))
			.secret();
		String rep = this.tokens.issue(team.rep().getId(), "rep script", ApiTokenAccess.READ_WRITE, Duration.ofDays(1))
			.secret();
		FormClient api = new FormClient(this.port);

		HttpResponse<String> byCode = api.postJsonWithBearer("/api/v1/reassignments",
				"{\"toOwner\": %d, \"customers\": [\"%s\", \"%s\"]}".formatted(team.otherRep().getId(), mine.getCode(),
						theirs.getCode()),
				manager);
		assertThat(byCode.statusCode()).as(byCode.body()).isEqualTo(200);
		assertThat(byCode.body()).contains("\"customers\":1");
		assertThat(ownerOf(mine)).isEqualTo(team.otherRep().getId());
		assertThat(ownerOf(theirs)).isEqualTo(outsider.getId());

		HttpResponse<String> byFilter = api.postJsonWithBearer("/api/v1/reassignments",
				"{\"toOwner\": %d, \"filter\": {\"q\": \"%s\"}}".formatted(team.rep().getId(), this.prefix + "AMINE"),
				manager);
		assertThat(byFilter.statusCode()).as(byFilter.body()).isEqualTo(200);
		assertThat(ownerOf(mine)).isEqualTo(team.rep().getId());

		assertThat(api
			.postJsonWithBearer("/api/v1/reassignments",
					"{\"toOwner\": %d, \"customers\": [\"%s\"]}".formatted(outsider.getId(), mine.getCode()), manager)
			.statusCode()).isEqualTo(400);
		assertThat(api.postJsonWithBearer("/api/v1/reassignments",
				"{\"toOwner\": %d, \"customers\": [\"%s\"]}".formatted(team.otherRep().getId(), mine.getCode()), rep)
			.statusCode()).isEqualTo(403);
		HttpResponse<String> both = api.postJsonWithBearer("/api/v1/reassignments",
				"{\"toOwner\": 1, \"customers\": [], \"filter\": {}}", manager);
		assertThat(both.statusCode()).isEqualTo(400);
		assertThat(both.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(ownerOf(mine)).isEqualTo(team.rep().getId());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entries where action = 'CUSTOMERS_REASSIGNED' and actor = ?", Long.class,
				team.manager().getUsername()))
			.isEqualTo(2);
	}

	private FormClient adminBrowser() throws Exception {
		User admin = this.fixture.user(this.prefix + UUID.randomUUID().toString().substring(0, 4), "adm", Role.ADMIN,
				null, PASSWORD);
		FormClient browser = new FormClient(this.port);
		signIn(browser, admin);
		return browser;
	}

	private void signIn(FormClient browser, User user) throws Exception {
		assertThat(browser.login(user.getUsername(), PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
	}

	private long version(User user) {
		return this.jdbc.queryForObject("select version from users where id = ?", Long.class, user.getId());
	}

	private Long ownerOf(Customer customer) {
		return this.jdbc.queryForObject("select owner_id from customers where id = ?", Long.class, customer.getId());
	}

	private Integer sessionsOf(User user) {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				user.getUsername());
	}

	private HttpResponse<String> api(String path, String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
