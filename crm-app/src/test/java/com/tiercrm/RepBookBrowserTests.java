package com.tiercrm;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.AccessScope;
import com.tiercrm.book.RepBooks;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.run.CustomerTiers;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep in headless Chromium works their tiered list and their book: filters by tier,
 * logs a contact and sees the next due date move out of the overdue group, and pages
 * through a book of more than one page, on a desktop and at phone width.
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

	private long otherRep;

	/** rep2's book: more customers than a page shows, none ever contacted. */
	private static final int OTHER_BOOK = RepBooks.PAGE_SIZE + 11;

	@BeforeAll
	void createCustomersOrdersAndTiers() {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		Customer buyer = this.fixture.customer(this.prefix, "R1", "上海华联贸易有限公司", team.rep());
		Customer fresh = this.fixture.customer(this.prefix, "R2", "Emma Zhang", team.rep());
		Customer phone = this.fixture.customer(this.prefix, "R3", "李娜", team.rep());
		this.fixture.customer(this.prefix, "O1", "王伟", team.otherRep());
		for (int i = 2; i <= OTHER_BOOK; i++) {
			this.fixture.customer(this.prefix, "O%02d".formatted(i), "翻页客户 %02d".formatted(i), team.otherRep());
		}
		this.otherRep = team.otherRep().getId();
		this.jdbc.update(
				"insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)"
						+ " values (?, ?, ?, 880000, 200000, 'COMPLETED')",
				this.prefix + "-order", buyer.getId(), Timestamp.from(Instant.now().minus(10, ChronoUnit.DAYS)));
		// Contacted long ago: overdue under any cadence.
		for (Customer customer : List.of(buyer, fresh, phone)) {
			this.fixture.interaction(customer, Instant.now().minus(4000, ChronoUnit.DAYS), null);
		}
		SegmentationRun run = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
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
			// The filtered page is a new page: read its list, not the one the click left
			// behind.
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("tier="));
			String filtered = browser.find(By.id("customers")).getText();
			assertThat(filtered).contains("上海华联贸易有限公司").doesNotContain("Emma Zhang");
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

	@Test
	void repPagesThroughTheirBookAtPhoneWidth() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			browser.login(this.prefix + "-rep2", PASSWORD);
			browser.open("/book");
			assertThat(browser.find(By.id("book-page-of")).getText()).isEqualTo("Page 1 of 2");
			List<String> first = codes(browser);
			assertThat(first).hasSize(RepBooks.PAGE_SIZE);
			assertThat(horizontalOverflow(browser)).as("horizontal overflow in px").isLessThanOrEqualTo(0);

			click(browser, browser.find(By.id("book-next")));
			waitForUrl(browser, "/book?page=2");
			assertThat(browser.find(By.id("book-page-of")).getText()).isEqualTo("Page 2 of 2");
			List<String> second = codes(browser);
			assertThat(second).hasSize(OTHER_BOOK - RepBooks.PAGE_SIZE).doesNotContainAnyElementsOf(first);
			assertThat(browser.find(By.id("book-next")).findElement(By.xpath("..")).getDomAttribute("class"))
				.contains("disabled");
			assertThat(horizontalOverflow(browser)).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			((JavascriptExecutor) browser.driver()).executeScript(
					"document.getElementById('book-pages').scrollIntoView({block: 'end', behavior: 'instant'});");
			browser.screenshot("book-rep-phone-page-2");

			click(browser, browser.find(By.id("book-previous")));
			waitForUrl(browser, "/book?page=1");
			assertThat(codes(browser)).isEqualTo(first);
		}
	}

	@Test
	void managerOpensARepsSecondPageInChineseAndLogsAContactThere() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-mgr", PASSWORD);
			browser.open("/book?lang=zh-CN&rep=" + this.otherRep);
			assertThat(browser.find(By.id("book-page-of")).getText()).isEqualTo("第 1 页，共 2 页");
			click(browser, browser.find(By.cssSelector("#book-pages a.book-page[href$='page=2']")));
			waitForUrl(browser, "/book?rep=" + this.otherRep + "&page=2");
			assertThat(browser.find(By.cssSelector("#book-pages .page-item.active")).getText()).isEqualTo("2");
			String code = codes(browser).getFirst();
			logContact(browser, code, "", "");
			waitForUrl(browser, "/book?rep=" + this.otherRep + "&page=2");
			assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains(code);
			assertThat(browser.find(By.id("book-page-of")).getText()).isEqualTo("第 2 页，共 2 页");
			assertThat(entry(browser, code).findElements(By.cssSelector(".overdue-badge"))).isEmpty();
			browser.screenshot("book-manager-page-2-zh");
		}
	}

	private static List<String> codes(ChromeBrowser browser) {
		return browser.driver()
			.findElements(By.cssSelector("li.book-entry"))
			.stream()
			.map((entry) -> entry.getDomAttribute("data-code"))
			.toList();
	}

	private static int horizontalOverflow(ChromeBrowser browser) {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		return ((Number) overflow).intValue();
	}

	private static void waitForUrl(ChromeBrowser browser, String pathAndQuery) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches(java.util.regex.Pattern.quote(pathAndQuery) + "$"));
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
