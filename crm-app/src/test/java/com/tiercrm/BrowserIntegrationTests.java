package com.tiercrm;

import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.AccessScope;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.run.CustomerTiers;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in headless Chromium: a rep and a manager log in and see their customers, in
 * English and Chinese, on a desktop and at phone width.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIntegrationTests {

	private static final String PASSWORD = "browser-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private CustomerTiers tiers;

	private final String prefix = "BR" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	void createUsersAndCustomers() {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		this.fixture.customer(this.prefix, "R1", "上海华联贸易有限公司", team.rep());
		this.fixture.customer(this.prefix, "R2", "Emma Zhang", team.rep());
		this.fixture.customer(this.prefix, "O1", "王伟", team.otherRep());
	}

	@Test
	void repSeesOwnCustomersAndOpensOne() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/customers?q=" + this.prefix);
			String list = browser.find(By.id("customers")).getText();
			assertThat(list).contains("上海华联贸易有限公司", "Emma Zhang").doesNotContain("王伟");
			browser.screenshot("customers-rep");

			browser.driver().findElement(By.linkText(this.prefix + "R1")).click();
			assertThat(browser.find(By.id("customer-name")).getText()).isEqualTo("上海华联贸易有限公司");

			browser.open("/customers/" + this.prefix + "O1");
			assertThat(browser.pageText()).contains("Not found");
			browser.logout();
		}
	}

	@Test
	void managerSeesTheTeamAndSwitchesToChinese() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-mgr", PASSWORD);
			browser.open("/customers?q=" + this.prefix);
			assertThat(browser.find(By.id("customers")).getText()).contains("上海华联贸易有限公司", "王伟");
			browser.driver().findElement(By.id("lang-zh")).click();
			assertThat(browser.find(By.id("customers")).getText()).contains("客户编号");
			assertThat(browser.pageText()).contains("退出登录");
			browser.screenshot("customers-manager-zh");
			browser.open("/dashboard");
			assertThat(browser.pageText()).contains("仪表盘");
			browser.driver().findElement(By.id("lang-en")).click();
			assertThat(browser.find(By.id("current-user")).getText()).contains("Manager");
		}
	}

	@Test
	void customerListWorksAtPhoneWidth() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/customers?q=" + this.prefix);
			assertThat(browser.find(By.id("customers")).getText()).contains("Emma Zhang");
			Object overflow = ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
			assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			browser.screenshot("customers-phone");
		}
	}

	@Test
	void managerChangesAPolicyAndSeesItOnTheCustomersPage() throws Exception {
		this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		Customer customer = this.customers.findByCode(this.prefix + "R1", AccessScope.all(0)).orElseThrow();
		String tier = this.tiers.current(customer.getId()).orElseThrow().tier();
		String perks = "Free delivery " + this.prefix;
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-mgr", PASSWORD);
			browser.open("/tiers");
			browser.driver().findElement(By.cssSelector("[id='tier-" + tier + "'] a")).click();
			browser.find(By.id("edit-policy")).click();
			replace(browser.find(By.id("contactCadenceDays")), "9");
			replace(browser.find(By.id("perks")), perks);
			WebElement save = browser.driver().findElement(By.id("save-policy"));
			((JavascriptExecutor) browser.driver())
				.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", save);
			save.click();
			assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("Policy saved as version");
			assertThat(browser.find(By.id("policy-history")).getText()).contains(perks, "saved by " + this.prefix);
			browser.screenshot("policy-history");

			browser.open("/customers/" + this.prefix + "R1");
			assertThat(browser.find(By.id("customer-policy-terms")).getText()).contains(perks, "every 9 days");
			browser.driver().findElement(By.id("lang-zh")).click();
			assertThat(browser.find(By.id("customer-policy-terms")).getText()).contains("每 9 天");
			browser.screenshot("customer-policy-zh");
			browser.driver().findElement(By.id("lang-en")).click();
		}
	}

	@Test
	void repReadsPoliciesAtPhoneWidthButCannotEditThem() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/tiers?model=ABC");
			assertThat(browser.find(By.id("tiers")).getText()).contains("A – key customers");
			Object overflow = ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
			assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			browser.screenshot("tiers-phone");
			browser.open("/tiers/ABC:A/policy");
			assertThat(browser.find(By.id("policy-terms")).getText()).contains("Discount");
			assertThat(browser.driver().findElements(By.id("edit-policy"))).isEmpty();
			browser.open("/tiers/ABC:A/policy/edit");
			assertThat(browser.pageText()).contains("Not allowed");
		}
	}

	private static void replace(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

}
