package com.tiercrm;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.AccessScope;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.CustomerTiers;
import com.tiercrm.tiering.RunRequest;
import com.tiercrm.tiering.RunStatus;
import com.tiercrm.tiering.RunTrigger;
import com.tiercrm.tiering.SegmentationRun;
import com.tiercrm.tiering.SegmentationRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * A rep in headless Chromium works their tiered list and their book: filters by tier,
 * logs a contact and sees the next due date move out of the overdue group, on a desktop
 * and at phone width.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepBookBrowserTests {

	private static final String PASSWORD = "book-secret";

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

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "BK" + UUID.randomUUID().toString().substring(0, 6);

	private String buyerTier = "";

	@BeforeAll
	void createCustomersOrdersAndTiers() {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		Customer buyer = this.fixture.customer(this.prefix, "R1", "上海华联贸易有限公司", team.rep());
		Customer fresh = this.fixture.customer(this.prefix, "R2", "Emma Zhang", team.rep());
		Customer phone = this.fixture.customer(this.prefix, "R3", "李娜", team.rep());
		this.fixture.customer(this.prefix, "O1", "王伟", team.otherRep());
		this.jdbc.update(
				"insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)"
						+ " values (?, ?, ?, 880000, 200000, 'COMPLETED')",
				this.prefix + "-order", buyer.getId(), Timestamp.from(Instant.now().minus(10, ChronoUnit.DAYS)));
		// Contacted long ago: overdue under any cadence.
		for (Customer customer : List.of(buyer, fresh, phone)) {
			this.fixture.interaction(customer, Instant.now().minus(4000, ChronoUnit.DAYS), null);
		}
		SegmentationRun run = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).as(run.getErrorMessage()).isEqualTo(RunStatus.SUCCEEDED);
		this.buyerTier = this.tiers.current(buyer.getId()).orElseThrow().tier();
		assertThat(this.tiers.current(fresh.getId()).orElseThrow().tier()).isNotEqualTo(this.buyerTier);
	}

	@Test
	void repFiltersByTierAndLogsAContactThatMovesTheNextDueDate() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/customers?q=" + this.prefix);
			assertThat(browser.find(By.id("customers")).getText()).contains("上海华联贸易有限公司", "Emma Zhang")
				.doesNotContain("王伟");
			new Select(browser.find(By.id("tier"))).selectByValue(this.buyerTier);
			click(browser, browser.driver().findElement(By.cssSelector("#customer-filter button[type=submit]")));
			String filtered = browser.find(By.id("customers")).getText();
			assertThat(filtered).contains("上海华联贸易有限公司").doesNotContain("Emma Zhang");
			assertThat(browser.driver().getCurrentUrl()).contains("tier=");
			browser.screenshot("lists-rep-tier-filter");

			click(browser, browser.find(By.id("nav-book")));
			String code = this.prefix + "R1";
			assertThat(browser.find(By.id("overdue")).getText()).contains("上海华联贸易有限公司");
			String dueBefore = entry(browser, code).findElement(By.cssSelector(".due-date")).getText();
			browser.screenshot("book-rep-before");

			logContact(browser, code, "Visited the buyer", "5");
			assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("logged");
			assertThat(overdueText(browser)).doesNotContain("上海华联贸易有限公司");
			WebElement after = entry(browser, code);
			assertThat(after.findElements(By.cssSelector(".overdue-badge"))).isEmpty();
			String dueAfter = after.findElement(By.cssSelector(".due-date")).getText();
			assertThat(dueAfter).isNotEqualTo(dueBefore).isGreaterThan(dueBefore);
			browser.screenshot("book-rep-after");

			browser.open("/customers/" + code);
			assertThat(browser.find(By.id("next-contact")).getText()).contains(dueAfter).doesNotContain("Overdue");
		}
	}

	@Test
	void repLogsAContactAtPhoneWidth() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/book");
			String code = this.prefix + "R3";
			assertThat(browser.find(By.id("overdue")).getText()).contains("李娜");
			Object overflow = ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
			assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			logContact(browser, code, "", "");
			assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("logged");
			assertThat(overdueText(browser)).doesNotContain("李娜");
			assertThat(entry(browser, code).findElements(By.cssSelector(".overdue-badge"))).isEmpty();
			browser.screenshot("book-rep-phone");
		}
	}

	@Test
	void managerSeesOverdueCountsPerRep() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-mgr", PASSWORD);
			browser.open("/book");
			assertThat(browser.find(By.id("workloads")).getText()).contains("rep 用户", "rep2 用户");
			browser.screenshot("book-manager");
		}
	}

	private static WebElement entry(ChromeBrowser browser, String code) {
		return browser.find(By.cssSelector("li.book-entry[data-code='" + code + "']"));
	}

	private static String overdueText(ChromeBrowser browser) {
		List<WebElement> overdue = browser.driver().findElements(By.id("overdue"));
		return overdue.isEmpty() ? "" : overdue.getFirst().getText();
	}

	private static void logContact(ChromeBrowser browser, String code, String notes, String satisfaction) {
		WebElement entry = entry(browser, code);
		click(browser, entry.findElement(By.cssSelector("summary.log-contact")));
		new Select(entry.findElement(By.name("type"))).selectByValue("VISIT");
		if (!satisfaction.isEmpty()) {
			new Select(entry.findElement(By.name("satisfaction"))).selectByValue(satisfaction);
		}
		if (!notes.isEmpty()) {
			entry.findElement(By.name("notes")).sendKeys(notes);
		}
		click(browser, entry.findElement(By.cssSelector(".log-form button[type=submit]")));
	}

	private static void click(ChromeBrowser browser, WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

}
