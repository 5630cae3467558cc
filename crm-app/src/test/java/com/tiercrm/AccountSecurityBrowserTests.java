package com.tiercrm;

import java.util.UUID;

import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium, a rep whose password an admin reset is held on the change page
 * until choosing a new one, then creates an API token on their own page, sees it once and
 * revokes it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
class AccountSecurityBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private AccountManagement accounts;

	private final String prefix = "AS" + UUID.randomUUID().toString().substring(0, 6);

	@Test
	void aRepChangesTheRequiredPasswordThenCreatesAndRevokesAToken() throws Exception {
		User rep = this.fixture.user(this.prefix, "rep", Role.SALES_REP, null, "first passphrase");
		this.accounts.resetPassword(rep.getId(), "reset by the admin");
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(rep.getUsername(), "reset by the admin");
			browser.find(By.id("password-change-required"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/account/password");
			browser.open("/customers");
			assertThat(browser.driver().getCurrentUrl()).endsWith("/account/password");

			browser.find(By.id("currentPassword")).sendKeys("reset by the admin");
			browser.driver().findElement(By.id("password")).sendKeys("a passphrase of my own");
			browser.driver().findElement(By.id("passwordConfirmation")).sendKeys("a passphrase of my own");
			browser.driver().findElement(By.id("change-password")).click();
			browser.find(By.cssSelector(".alert-success"));
			assertThat(browser.pageText()).contains("Your password has been changed.");
			assertThat(browser.driver().findElements(By.id("password-change-required"))).isEmpty();
			browser.open("/customers");
			assertThat(browser.driver().getCurrentUrl()).endsWith("/customers");

			browser.driver().findElement(By.id("nav-tokens")).click();
			browser.find(By.id("name")).sendKeys("nightly export");
			new Select(browser.driver().findElement(By.id("access"))).selectByValue("READ_ONLY");
			browser.driver().findElement(By.id("create-token")).click();
			String token = browser.find(By.id("new-token")).getText();
			assertThat(token).startsWith("tcrm_");
			browser.screenshot("api-token-created");
			assertThat(browser.pageText()).contains("nightly export", "Read only", "Active");

			browser.driver().findElement(By.cssSelector(".token-revoke")).click();
			browser.find(By.cssSelector(".alert-success"));
			assertThat(browser.pageText()).contains("Token revoked.", "Revoked").doesNotContain(token);
		}
	}

}
