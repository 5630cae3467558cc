package com.tiercrm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.customer.Customer;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep's day in headless Chromium: the rep lands on Today, plans follow-ups on a
 * customer's page, completes one from Today, and after a run that moved their best
 * customer down sees the bell count it and Today list it; in English on a desktop and in
 * Chinese at phone width. The desktop's Today is the README's screenshot.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepDayBrowserTests {

	private static final String PASSWORD = "rep-day-browser";

	/** The zone pages show times in (tiercrm.web.time-zone's default). */
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "RB" + UUID.randomUUID().toString().substring(0, 6);

	private SalesTeam team;

	private Customer star;

	private Customer regular;

	private Customer third;

	private boolean secondRunDone;

	@BeforeAll
	void customersOrdersAndAFirstRun() {
		this.team = this.fixture.create(this.prefix, PASSWORD);
		this.star = this.fixture.customer(this.prefix, "-STAR", "上海华联贸易有限公司", this.team.rep());
		this.regular = this.fixture.customer(this.prefix, "-REG", "Emma Zhang", this.team.rep());
		this.third = this.fixture.customer(this.prefix, "-THD", "李娜", this.team.rep());
		Instant now = Instant.now();
		order(this.star, "1", now.minus(15, ChronoUnit.DAYS), 60_000_000);
		order(this.star, "2", now.minus(70, ChronoUnit.DAYS), 30_000_000);
		order(this.regular, "1", now.minus(25, ChronoUnit.DAYS), 800);
		order(this.third, "1", now.minus(300, ChronoUnit.DAYS), 200);
		this.fixture.interaction(this.regular, now.minus(400, ChronoUnit.DAYS), 4);
		run();
	}

	@Test
	@Order(1)
	void repPlansAndCompletesAFollowUpAndSeesADowngradeAfterARun() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 1000)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			waitForPath(browser, "/today");
			assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Today");
			assertThat(browser.driver().findElements(By.id("bell-count"))).isEmpty();

			// Overdue since this morning, and one later today.
			plan(browser, this.regular, "00:05", "Send the new price list");
			assertThat(browser.find(By.id("task-message")).getText()).contains("planned");
			assertThat(browser.find(By.id("customer-tasks")).getText()).contains("Send the new price list", "Overdue");
			plan(browser, this.star, "23:55", "Ask why the orders stopped");

			click(browser, browser.find(By.id("nav-today")));
			WebElement tasks = browser.find(By.id("today-tasks"));
			assertThat(tasks.getText()).contains("Emma Zhang", "上海华联贸易有限公司", "Send the new price list");
			click(browser, browser
				.find(By.xpath("//section[@id='today-tasks']//li[contains(., 'Emma Zhang')]//button[@type='submit']")));
			assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("done");
			assertThat(browser.find(By.id("today-tasks")).getText()).doesNotContain("Emma Zhang")
				.contains("上海华联贸易有限公司");

			secondRun();
			browser.open("/today");
			assertThat(browser.find(By.id("bell-count")).getText()).isNotEmpty();
			assertThat(browser.find(By.id("downgrades")).getText()).contains("上海华联贸易有限公司");
			browser.screenshot("today-rep");

			click(browser, browser.find(By.id("nav-bell")));
			WebElement notification = browser
				.find(By.xpath("//li[contains(@class, 'notification')][contains(., 'moved to a lower tier')]"));
			browser.screenshot("notifications-rep");
			click(browser, notification.findElement(By.cssSelector("button.open-notification")));
			waitForPath(browser, "/today");
			assertThat(browser.find(By.id("downgrades")).getText()).contains("上海华联贸易有限公司");
		}
	}

	@Test
	@Order(2)
	void repWorksTheirDayInChineseAtPhoneWidth() throws Exception {
		secondRun();
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			browser.open("/today?lang=zh-CN");
			assertThat(browser.find(By.tagName("h1")).getText()).startsWith("今日");
			assertThat(browser.find(By.id("downgrades")).getText()).contains("等级下降", "上海华联贸易有限公司");
			// The bell stays outside the collapsed menu.
			assertThat(browser.find(By.id("nav-bell")).isDisplayed()).isTrue();
			assertThat(horizontalOverflow(browser)).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			browser.screenshot("today-rep-phone-zh");

			plan(browser, this.third, "00:10", "电话回访");
			assertThat(browser.find(By.id("task-message")).getText()).contains("已为", "安排跟进");
			assertThat(horizontalOverflow(browser)).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			browser.screenshot("customer-follow-ups-phone-zh");
			WebElement task = browser.find(By.xpath("//ul[@id='customer-tasks']/li[contains(., '电话回访')]"));
			click(browser, task.findElement(By.cssSelector("button.complete-task")));
			assertThat(browser.find(By.id("task-message")).getText()).contains("已完成");
			assertThat(browser.find(By.xpath("//ul[@id='customer-tasks']/li[contains(., '电话回访')]")).getText())
				.contains("已完成");

			browser.open("/notifications");
			assertThat(browser.find(By.id("notifications")).getText()).contains("等级下降");
			assertThat(horizontalOverflow(browser)).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			browser.screenshot("notifications-rep-phone-zh");
		}
	}

	/**
	 * The rep's best customer has no purchase left: the second run moves them down.
	 */
	private synchronized void secondRun() {
		if (!this.secondRunDone) {
			this.jdbc.update("delete from sales_orders where customer_id = ?", this.star.getId());
			run();
			this.secondRunDone = true;
		}
	}

	private void plan(ChromeBrowser browser, Customer customer, String time, String note) {
		browser.open("/customers/" + customer.getCode());
		WebElement form = browser.find(By.id("plan-task"));
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		js.executeScript("arguments[0].value = arguments[1];", form.findElement(By.name("dueDate")),
				LocalDate.now(ZONE).toString());
		js.executeScript("arguments[0].value = arguments[1];", form.findElement(By.name("dueTime")), time);
		form.findElement(By.name("note")).sendKeys(note);
		click(browser, form.findElement(By.id("plan-task-save")));
		browser.find(By.id("task-message"));
	}

	private void order(Customer customer, String suffix, Instant at, long amount) {
		this.orders.save(new SalesOrder(customer.getCode() + "-SO" + suffix, customer.getId(), at,
				new BigDecimal(amount), BigDecimal.ONE, OrderStatus.COMPLETED));
	}

	private void run() {
		SegmentationRun run = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
	}

	private static int horizontalOverflow(ChromeBrowser browser) {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		return ((Number) overflow).intValue();
	}

	private static void waitForPath(ChromeBrowser browser, String path) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches(java.util.regex.Pattern.quote(path) + "(#.*)?$"));
	}

	/**
	 * Scrolls the element to the middle and clicks it; while the page is still settling
	 * (CI once found the navigation link at y = -20 after scrolling), scrolls and clicks
	 * again, for up to ten seconds.
	 */
	private static void click(ChromeBrowser browser, WebElement element) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(ElementClickInterceptedException.class)
			.until((driver) -> {
				((JavascriptExecutor) driver)
					.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
				element.click();
				return true;
			});
	}

}
