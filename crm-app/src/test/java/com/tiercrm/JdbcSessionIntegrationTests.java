package com.tiercrm;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.tiercrm.account.Role;
import com.tiercrm.account.User;
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
 * Sessions are kept in the database: signing in stores one under a new id (session
 * fixation protection still holds), pages open with it, and signing out deletes it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
class JdbcSessionIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "JS" + UUID.randomUUID().toString().substring(0, 6);

	@Test
	void aSignedInSessionIsStoredUnderANewIdAndDeletedAtSignOut() throws Exception {
		User rep = this.fixture.user(this.prefix, "rep", Role.SALES_REP, null, "a long passphrase");
		FormClient browser = new FormClient(this.port);
		browser.get("/login");
		String anonymous = browser.cookie("SESSION").orElseThrow();
		assertThat(browser.login(rep.getUsername(), "a long passphrase").headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		assertThat(browser.cookie("SESSION")).hasValueSatisfying((id) -> assertThat(id).isNotEqualTo(anonymous));
		assertThat(sessionsOf(rep)).isOne();
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);

		browser.get("/dashboard");
		HttpResponse<String> logout = browser.post("/logout", "");
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?logout"));
		assertThat(sessionsOf(rep)).isZero();
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(302);
	}

	private Integer sessionsOf(User user) {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
				user.getUsername());
	}

}
