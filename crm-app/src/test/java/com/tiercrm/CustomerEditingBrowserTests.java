package com.tiercrm;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerDetails;
import com.tiercrm.customer.CustomerManagement;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * A rep in headless Chromium creates a customer, is warned that it may duplicate one of
 * theirs and creates it anyway, edits it, meets an edit someone else saved meanwhile with
 * their input kept, and reads the change history: in English and in Chinese.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerEditingBrowserTests {

	private static final String PASSWORD = "edit-browser-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private CustomerManagement management;

	private final String prefix = "EB" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private final String phone = "136" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));

	@BeforeAll
	void createTeamAndCustomer() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		Customer existing = this.fixture.customer(this.prefix, "OLD", "陈静 " + this.prefix, this.team.rep());
		existing.setPhone(this.phone, this.phone);
		this.customers.save(existing);
	}

	@ParameterizedTest
	@CsvSource({ "en, New customer, may already exist, was created, Someone else saved, Change history, City",
			"zh-CN, 新建客户, 可能已经存在, 已创建客户, 其他人已保存, 变更记录, 城市" })
	void repCreatesADuplicateAnywayEditsItThroughAConflictAndReadsItsHistory(String language, String newButton,
			String duplicateWarning, String created, String conflictWarning, String history, String cityLabel)
			throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 1000)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/customers?lang=" + language);
			WebElement newCustomer = browser.find(By.id("new-customer"));
			assertThat(newCustomer.getText()).isEqualTo(newButton);
			click(browser, newCustomer);

			String name = "陈静 " + this.prefix + " " + language;
			browser.find(By.id("name")).sendKeys(name);
			new Select(browser.find(By.id("type"))).selectByValue("INDIVIDUAL");
			browser.find(By.id("phone"))
				.sendKeys("+86 " + this.phone.substring(0, 3) + " " + this.phone.substring(3, 7) + " "
						+ this.phone.substring(7));
			browser.find(By.id("city")).sendKeys("上海");
			new Select(browser.find(By.id("gender"))).selectByValue("F");
			new Select(browser.find(By.id("ageBand"))).selectByValue("35-44");
			click(browser, browser.find(By.id("save-customer")));

			WebElement duplicates = browser.find(By.id("duplicates"));
			assertThat(duplicates.getText()).contains(duplicateWarning).contains(this.prefix + "OLD");
			assertThat(duplicates.findElement(By.linkText("陈静 " + this.prefix)).getDomAttribute("href"))
				.endsWith("/customers/" + this.prefix + "OLD");
			assertThat(browser.find(By.id("name")).getDomProperty("value")).isEqualTo(name);
			browser.screenshot("customer-duplicate-warning-" + language);
			click(browser, browser.find(By.id("create-anyway")));

			assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains(created);
			String code = browser.find(By.cssSelector(".breadcrumb-item.active")).getText();
			assertThat(code).matches("C\\d{7,}(-\\d+)?");
			assertThat(browser.find(By.id("customer-name")).getText()).isEqualTo(name);

			// Someone else saves the customer while the rep edits it.
			click(browser, browser.find(By.id("edit-customer")));
			Customer stored = this.customers.findByCode(code, this.team.rep().accessScope()).orElseThrow();
			CustomerDetails details = CustomerDetails.of(stored, null);
			this.management.update(code,
					new CustomerDetails(details.name(), details.type(), details.phone(), details.email(),
							details.province(), "苏州", details.region(), details.industry(), details.channelType(),
							details.channel(), details.gender(), details.ageBand(), details.incomeBand(),
							details.occupation()),
					stored.getVersion(), this.team.manager().getId(), this.team.manager().accessScope());
			WebElement city = browser.find(By.id("city"));
			city.clear();
			city.sendKeys("杭州");
			new Select(browser.find(By.id("incomeBand"))).selectByValue("HIGH");
			click(browser, browser.find(By.id("save-customer")));

			WebElement conflict = browser.find(By.id("edit-conflict"));
			assertThat(conflict.getText()).contains(conflictWarning).contains("mgr 用户").contains("苏州");
			assertThat(browser.find(By.id("city")).getDomProperty("value")).isEqualTo("杭州");
			assertThat(new Select(browser.find(By.id("incomeBand"))).getFirstSelectedOption().getDomAttribute("value"))
				.isEqualTo("HIGH");
			browser.screenshot("customer-edit-conflict-" + language);
			click(browser, browser.find(By.id("save-customer")));

			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(ExpectedConditions.urlMatches("/customers/" + code + "$"));
			WebElement historyPanel = browser.find(By.id("customer-history"));
			click(browser, historyPanel.findElement(By.tagName("summary")));
			String entries = historyPanel.getText();
			assertThat(entries).contains(history).contains(cityLabel).contains("苏州").contains("杭州");
			assertThat(entries.indexOf("杭州")).as("newest first").isLessThan(entries.lastIndexOf("苏州"));
			browser.screenshot("customer-history-" + language);
		}
	}

	private static void click(ChromeBrowser browser, WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

}
