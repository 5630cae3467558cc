package com.tiercrm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import com.tiercrm.account.Role;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in headless Chromium, in Chinese, adds an industry, imports customers whose
 * industries are written as names (one unknown), and finds them under the industry's name
 * in the list and its filter.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceDataBrowserTests {

	private static final String PASSWORD = "reference-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@TempDir
	Path directory;

	private final String prefix = "RB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

	@BeforeAll
	void createAdmin() {
		this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
	}

	@Test
	void adminAddsAnIndustryAndImportsCustomersByItsNames() throws Exception {
		String code = "AGRI_" + this.prefix;
		Path file = this.directory.resolve("customers.csv");
		Files.writeString(file, """
				客户编号,客户名称,区域,行业
				%1$sA,甲公司,华东,零售
				%1$sB,乙公司,ｎｏｒｔｈ,农业%1$s
				%1$sC,丙公司,华南,渔业%1$s
				""".formatted(this.prefix), StandardCharsets.UTF_8);
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 1000)) {
			browser.login(this.prefix + "-admin", PASSWORD);
			browser.open("/admin/industries?lang=zh-CN");
			assertThat(browser.find(By.id("reference-entries")).getText()).contains("零售", "Retail", "汽车");
			browser.find(By.id("code")).sendKeys(code.toLowerCase(Locale.ROOT));
			browser.find(By.id("englishName")).sendKeys("Agriculture " + this.prefix);
			browser.find(By.id("chineseName")).sendKeys("农业" + this.prefix);
			click(browser, browser.find(By.cssSelector("#reference-form button[type=submit]")));
			assertThat(browser.find(By.id("entry-" + code)).getText()).contains("农业" + this.prefix);
			browser.screenshot("reference-industries");

			browser.open("/imports");
			new Select(browser.find(By.id("kind"))).selectByValue("customers");
			browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			click(browser, browser.driver().findElement(By.id("mode-skip")));
			click(browser, browser.driver().findElement(By.id("dryRun")));
			click(browser, browser.driver().findElement(By.id("upload")));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
				.until(ExpectedConditions.textToBe(By.id("import-status"), "成功"));
			assertThat(browser.find(By.id("import-errors")).getText()).contains("渔业" + this.prefix, "已有行业：零售",
					"农业" + this.prefix);
			browser.screenshot("reference-import-errors");

			browser.open("/customers?q=" + this.prefix + "&industry=" + code);
			String list = browser.find(By.id("customers")).getText();
			assertThat(list).contains(this.prefix + "B", "农业" + this.prefix, "华北")
				.doesNotContain(this.prefix + "A")
				.doesNotContain(code);
			assertThat(new Select(browser.find(By.id("industry"))).getFirstSelectedOption().getText())
				.isEqualTo("农业" + this.prefix);
			browser.open("/customers?q=" + this.prefix + "&industry=RETAIL");
			assertThat(browser.find(By.id("customers")).getText()).contains(this.prefix + "A", "零售", "华东")
				.doesNotContain(this.prefix + "C");
			browser.screenshot("reference-customer-list");
		}
	}

	private static void click(ChromeBrowser browser, WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

}
