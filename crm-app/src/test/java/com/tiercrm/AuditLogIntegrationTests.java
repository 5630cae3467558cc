package com.tiercrm;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditEntry;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.audit.AuditQuery;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.config.SegmentationConfigs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log on PostgreSQL, through the running application: sign-ins that fail and
 * succeed (with the address), an export with its filter and rows, a thresholds version
 * and API tokens are recorded; admins read them on a page in both languages and through
 * the API, filtered; others cannot; and nobody can change an entry.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIntegrationTests {

	private static final String PASSWORD = "audit-log-passphrase";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private AuditLog audit;

	@Autowired
	private SegmentationConfigs configs;

	@Autowired
	private ApiTokenManagement tokens;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "AU" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private User admin;

	@BeforeAll
	void aTeamAndAnAdmin() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		this.admin = this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
		this.fixture.customer(this.prefix, "C1", "审计客户", this.team.rep());
	}

	@Test
	void signInsExportsThresholdsAndTokensAreRecorded() throws Exception {
		String manager = this.prefix + "-mgr";
		FormClient guesser = new FormClient(this.port);
		assertThat(guesser.login(manager, "not the passphrase").headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).contains("error"));
		FormClient browser = new FormClient(this.port);
		browser.login(manager, PASSWORD);
		HttpResponse<String> export = browser.get("/customers/export.csv?q=" + this.prefix);
		assertThat(export.statusCode()).isEqualTo(200);
		this.configs.save(this.configs.current().settings(), manager);
		User rep = this.team.rep();
		ApiTokenManagement.IssuedToken token = this.tokens.issue(rep.getId(), this.prefix + " script",
				ApiTokenAccess.READ_ONLY, Duration.ofDays(30));
		this.tokens.revoke(rep.getId(), token.token().getId());

		List<AuditEntry> mine = this.audit.search(new AuditQuery(null, manager, null, null, null), null, 20).entries();
		assertThat(mine).extracting(AuditEntry::action)
			.contains(AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN, AuditAction.EXPORT,
					AuditAction.THRESHOLDS_SAVED);
		AuditEntry failed = only(mine, AuditAction.SIGN_IN_FAILED);
		assertThat(failed.address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(failed.details()).isEqualTo("bad credentials");
		assertThat(only(mine, AuditAction.SIGN_IN).address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		AuditEntry exported = only(mine, AuditAction.EXPORT);
		assertThat(exported.target()).isEqualTo("customers.csv");
		assertThat(exported.details()).isEqualTo("1 rows, filter q=" + this.prefix);
		assertThat(exported.address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(
				this.audit.search(new AuditQuery(null, null, null, null, this.prefix + " script"), null, 10).entries())
			.extracting(AuditEntry::action)
			.containsExactly(AuditAction.TOKEN_REVOKED, AuditAction.TOKEN_CREATED);
	}

	@Test
	void adminsReadTheLogOnAPageAndThroughTheApiAndNobodyElse() throws Exception {
		this.audit.record(AuditAction.POLICY_SAVED, this.prefix + "-mgr", "10.0.0.7", "ABC:A", "v9 " + this.prefix);
		FormClient browser = new FormClient(this.port);
		browser.login(this.admin.getUsername(), PASSWORD);
		String english = browser.get("/admin/audit?action=POLICY_SAVED&text=" + this.prefix).body();
		assertThat(english).contains("Saved a service policy").contains("v9 " + this.prefix).contains("10.0.0.7");
		String chinese = browser.get("/admin/audit?action=POLICY_SAVED&text=" + this.prefix + "&lang=zh-CN").body();
		assertThat(chinese).contains("保存服务策略").contains("审计日志");
		assertThat(browser.get("/admin/audit?from=yesterday").body()).contains("audit-filter-error");

		FormClient rep = new FormClient(this.port);
		rep.login(this.prefix + "-rep", PASSWORD);
		assertThat(rep.get("/admin/audit").statusCode()).isEqualTo(403);

		ApiTokenManagement.IssuedToken adminToken = this.tokens.issue(this.admin.getId(), "audit reader",
				ApiTokenAccess.READ_ONLY, Duration.ofDays(1));
		HttpResponse<String> api = new FormClient(this.port)
			.getWithBearer("/api/v1/audit?action=POLICY_SAVED&text=" + this.prefix, adminToken.secret());
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("\"action\":\"POLICY_SAVED\"").contains("\"target\":\"ABC:A\"");
		ApiTokenManagement.IssuedToken repToken = this.tokens.issue(this.team.rep().getId(), "rep reader",
				ApiTokenAccess.READ_ONLY, Duration.ofDays(1));
		assertThat(new FormClient(this.port).getWithBearer("/api/v1/audit", repToken.secret()).statusCode())
			.isEqualTo(403);
		assertThat(new FormClient(this.port).getWithBearer("/api/v1/audit?size=0", adminToken.secret()).statusCode())
			.isEqualTo(400);
	}

	@Test
	void entriesCannotBeChanged() {
		this.audit.record(AuditAction.EXPORT, this.prefix + "-x", null, "customers.csv", "kept " + this.prefix);
		this.jdbc.update("update audit_entries set details = 'changed' where actor = ?", this.prefix + "-x");
		assertThat(this.jdbc.queryForList("select details from audit_entries where actor = ?", String.class,
				this.prefix + "-x"))
			.containsExactly("kept " + this.prefix);
	}

	private static AuditEntry only(List<AuditEntry> entries, AuditAction action) {
		return entries.stream().filter((entry) -> entry.action() == action).findFirst().orElseThrow();
	}

}
