package com.tiercrm;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * An admin in headless Chromium imports a GBK customer file whose code column the
 * automatic matching does not know: corrects the mapping, reads the dry-run report with
 * its invalid row, commits skipping it, and finds the customer in the list.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBrowserTests {

	private static final String PASSWORD = "import-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@TempDir
	Path directory;

	private final String prefix = "IB" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	void createAdmin() {
		this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
	}

	@Test
	void adminCorrectsTheMappingChecksTheFileAndCommitsTheValidRows() throws Exception {
		Path file = this.directory.resolve("客户名单.csv");
		Files.writeString(file, """
				客户号,客户名称,类型,手机号
				%1$sA,杭州西子贸易有限公司,企业,138-0013-8000
				%1$sB,李四,机器人,
				""".formatted(this.prefix), Charset.forName("GBK"));
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 1000)) {
			browser.login(this.prefix + "-admin", PASSWORD);
			browser.open("/imports");
			new Select(browser.find(By.id("kind"))).selectByValue("customers");
			browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			click(browser, browser.driver().findElement(By.id("mode-skip")));
			click(browser, browser.driver().findElement(By.id("upload")));

			waitForStatus(browser, "Rejected, nothing written");
			assertThat(browser.find(By.id("import-failure")).getText()).contains("Required columns are missing");
			Select code = new Select(browser.find(By.id("column-0")));
			assertThat(code.getFirstSelectedOption().getText()).isEqualTo("(ignore this column)");
			assertThat(new Select(browser.find(By.id("column-1"))).getFirstSelectedOption().getText())
				.isEqualTo("name (required)");
			code.selectByValue("CODE");
			browser.find(By.id("mappingName")).sendKeys(this.prefix + " ERP");
			browser.screenshot("import-mapping");
			click(browser, browser.driver().findElement(By.id("remap")));

			waitForStatus(browser, "Succeeded");
			assertThat(browser.find(By.id("import-counts")).getText()).contains("Valid 1", "Invalid 1",
					"Would insert 1");
			assertThat(browser.find(By.id("import-errors")).getText()).contains("3", "类型", "机器人",
					"Unknown customer type");
			assertThat(new Select(browser.find(By.id("column-0"))).getFirstSelectedOption().getAttribute("value"))
				.isEqualTo("CODE");
			browser.screenshot("import-dry-run-report");
			String dryRunPage = browser.driver().getCurrentUrl();
			click(browser, browser.find(By.id("commit")));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(ExpectedConditions.not(ExpectedConditions.urlToBe(dryRunPage)));

			waitForStatus(browser, "Succeeded");
			assertThat(browser.find(By.id("import-counts")).getText()).contains("Inserted 1", "Invalid 1");
			browser.screenshot("import-committed");

			browser.open("/customers?q=" + this.prefix);
			String list = browser.find(By.id("customers")).getText();
			assertThat(list).contains(this.prefix + "A", "杭州西子贸易有限公司").doesNotContain("李四");
			browser.screenshot("import-customer-list");

			browser.open("/imports");
			assertThat(new Select(browser.find(By.id("mapping"))).getOptions()).extracting(WebElement::getText)
				.contains(this.prefix + " ERP");
		}
	}

	private static void waitForStatus(ChromeBrowser browser, String status) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
			.until(ExpectedConditions.textToBe(By.id("import-status"), status));
	}

	private static void click(ChromeBrowser browser, WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

}
