package com.tiercrm;

import java.util.UUID;

import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium, Swagger UI works under the pages' Content Security Policy: a
 * signed-in user sees the JSON API's operations and the two ways to authorise.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
class ApiDocsBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	private final String prefix = "AD" + UUID.randomUUID().toString().substring(0, 6);

	@Test
	void swaggerUiShowsTheApiAndItsSchemes() throws Exception {
		User rep = this.fixture.user(this.prefix, "rep", Role.SALES_REP, null, "swagger passphrase");
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(rep.getUsername(), "swagger passphrase");
			browser.open("/swagger-ui/index.html");
			browser.find(By.cssSelector("[data-path='/api/v1/segmentation/runs']"));
			assertThat(browser.pageText()).contains("TierCRM API", "/api/v1/customers", "Customers the caller may see");
			browser.find(By.cssSelector(".btn.authorize")).click();
			browser.find(By.cssSelector(".modal-ux"));
			assertThat(browser.pageText()).contains("(http, Bearer)", "(http, Basic)", "created under API tokens");
			browser.screenshot("swagger-ui-authorize");
		}
	}

}
