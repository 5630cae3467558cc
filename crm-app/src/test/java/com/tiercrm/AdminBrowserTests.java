package com.tiercrm;

import java.util.Locale;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.Role;
import com.tiercrm.account.Team;
import com.tiercrm.account.TeamRepository;
import com.tiercrm.account.User;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in headless Chromium reassigns every customer of a filter to another rep and
 * moves a rep to another team, in English, then does both back in Chinese, ticking
 * customers on the list and meeting a refused edit on the way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
class AdminBrowserTests {

	private static final String PASSWORD = "admin-browser-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private TeamRepository teams;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "AB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

	@Test
	void adminReassignsAFiltersCustomersAndMovesARepToAnotherTeamInEnglishAndChinese() throws Exception {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		Team west = this.teams.save(new Team(this.prefix + " West", null));
		Team east = this.teams.findById(team.rep().getTeamId()).orElseThrow();
		User admin = this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
		for (int i = 1; i <= 4; i++) {
			this.fixture.customer(this.prefix, "R" + i, this.prefix + " Rep customer " + i, team.rep());
		}
		this.fixture.customer(this.prefix, "O1", this.prefix + " Other customer", team.otherRep());
		long rep = team.rep().getId();
		long otherRep = team.otherRep().getId();
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1400, 1000)) {
			browser.login(admin.getUsername(), PASSWORD);

			// English: every customer of the rep's filter goes to the other rep.
			browser.open("/customers?lang=en&q=" + this.prefix + "&owner=" + rep);
			assertThat(browser.driver().findElements(By.cssSelector("input.reassign-customer"))).hasSize(4);
			click(browser, browser.find(By.id("reassign-filter")));
			assertThat(browser.find(By.id("matching")).getText())
				.isEqualTo("4 customer(s) within your scope match this filter.");
			new Select(browser.find(By.id("newOwner"))).selectByValue(String.valueOf(otherRep));
			browser.screenshot("admin-reassign-filter-en");
			click(browser, browser.find(By.id("reassign-confirm")));
			assertThat(browser.find(By.id("reassigned")).getText()).isEqualTo("Reassigned 4 customer(s) to rep2 用户.");
			assertThat(ownedBy(otherRep)).isEqualTo(5);
			browser.open("/customers/" + this.prefix + "R1");
			assertThat(browser.find(By.id("ownership-history")).getText()).contains("from rep 用户 to rep2 用户")
				.contains("with 4 customers of a filter");
			assertThat(browser.find(By.id("owner-name")).getText()).isEqualTo("rep2 用户");
			scrollTo(browser, browser.find(By.id("ownership")));
			browser.screenshot("admin-ownership-history-en");

			// English: the rep moves to the West team.
			browser.open("/admin/users");
			click(browser, browser.find(By.cssSelector("#user-" + team.rep().getUsername() + " a.user-edit")));
			new Select(browser.find(By.id("teamId"))).selectByValue(String.valueOf(west.getId()));
			click(browser, browser.find(By.id("user-edit-save")));
			assertThat(browser.find(By.cssSelector(".alert-success")).getText())
				.isEqualTo("User " + team.rep().getUsername() + " saved.");
			assertThat(browser.find(By.id("user-" + team.rep().getUsername())).getText()).contains(west.getName());
			browser.screenshot("admin-user-team-en");

			// Chinese: a rep without a team is refused, then the rep goes back to East.
			browser.open("/admin/users/" + rep + "/edit?lang=zh-CN");
			new Select(browser.find(By.id("teamId"))).selectByValue("");
			click(browser, browser.find(By.id("user-edit-save")));
			assertThat(browser.find(By.cssSelector("#teamId + .invalid-feedback")).getText())
				.isEqualTo("销售代表必须属于一个团队。");
			browser.screenshot("admin-user-refused-zh");
			new Select(browser.find(By.id("teamId"))).selectByValue(String.valueOf(east.getId()));
			click(browser, browser.find(By.id("user-edit-save")));
			assertThat(browser.find(By.cssSelector(".alert-success")).getText())
				.isEqualTo("用户 " + team.rep().getUsername() + " 已保存。");
			assertThat(this.jdbc.queryForObject("select team_id from users where id = ?", Long.class, rep))
				.isEqualTo(east.getId());

			// Chinese: two ticked customers, then the rest of the filter, go back to the
			// rep.
			browser.open("/customers?q=" + this.prefix + "&owner=" + otherRep);
			click(browser, browser.find(By.cssSelector("input.reassign-customer[value='" + this.prefix + "R1']")));
			click(browser, browser.find(By.cssSelector("input.reassign-customer[value='" + this.prefix + "R2']")));
			new Select(browser.find(By.id("reassign-owner"))).selectByValue(String.valueOf(rep));
			click(browser, browser.find(By.id("reassign-selected")));
			assertThat(browser.find(By.id("reassigned")).getText()).isEqualTo("已将 2 位客户重新分配给 rep 用户。");
			browser.open("/customers?q=" + this.prefix + "R&owner=" + otherRep);
			click(browser, browser.find(By.id("reassign-filter")));
			assertThat(browser.find(By.id("matching")).getText()).isEqualTo("在您的权限范围内，有 2 位客户符合此筛选条件。");
			new Select(browser.find(By.id("newOwner"))).selectByValue(String.valueOf(rep));
			click(browser, browser.find(By.id("reassign-confirm")));
			assertThat(browser.find(By.id("reassigned")).getText()).isEqualTo("已将 2 位客户重新分配给 rep 用户。");
			browser.screenshot("admin-reassign-zh");
			assertThat(ownedBy(rep)).isEqualTo(4);
			assertThat(ownedBy(otherRep)).isEqualTo(1);
			browser.open("/customers/" + this.prefix + "R1");
			assertThat(browser.find(By.id("ownership-history")).getText()).contains("由 rep2 用户 转给 rep 用户")
				.contains("由 rep 用户 转给 rep2 用户");
			scrollTo(browser, browser.find(By.id("ownership")));
			browser.screenshot("admin-ownership-history-zh");
		}
	}

	private int ownedBy(long owner) {
		return this.jdbc.queryForObject("select count(*) from customers where owner_id = ? and code like ?",
				Integer.class, owner, this.prefix + "%");
	}

	private static void click(ChromeBrowser browser, WebElement element) {
		scrollTo(browser, element);
		element.click();
	}

	private static void scrollTo(ChromeBrowser browser, WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
	}

}
