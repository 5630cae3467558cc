package com.tiercrm;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.customer.Customer;
import com.tiercrm.testing.UsePostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
 * A rep in headless Chromium records orders and returns and logs a back-dated contact on
 * the customer page, in English on a desktop and in Chinese at phone width: amounts as
 * the import reads them, mistakes shown with the input kept, an order edited and
 * cancelled, and a contact dated last week that leaves the last contact where it was.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderEntryBrowserTests {

	private static final String PASSWORD = "order-entry-secret";

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	private final String prefix = "OE" + UUID.randomUUID().toString().substring(0, 6);

	private final Instant lastContact = Instant.now().minus(2, ChronoUnit.HOURS);

	@BeforeAll
	void createTeamAndCustomers() {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		for (String code : new String[] { "D1", "P1" }) {
			Customer customer = this.fixture.customer(this.prefix, code, "上海华联贸易有限公司 " + code, team.rep());
			this.fixture.interaction(customer, this.lastContact, null);
		}
	}

	@Test
	void repRecordsEditsAndCancelsAnOrderAndLogsABackDatedContactInEnglish() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			String code = this.prefix + "D1";
			browser.open("/customers/" + code + "?lang=en");
			String lastContactBefore = browser.find(By.id("last-contact")).getText();
			assertThat(lastContactBefore).isEqualTo(DAY.format(this.lastContact.atZone(SHANGHAI)));

			// A mistyped amount comes back with the reason and the input as typed.
			recordOrder(browser, "12.34567", null);
			assertThat(browser.find(By.id("order-errors")).getText()).contains("not saved");
			assertThat(browser.find(By.cssSelector("#order-amount + .form-text + .invalid-feedback")).getText())
				.contains("“12.34567” is not an amount");
			assertThat(browser.find(By.id("order-amount")).getDomProperty("value")).isEqualTo("12.34567");
			browser.screenshot("orders-record-error-en");

			setValue(browser, browser.find(By.id("order-amount")), "¥12,345.60");
			submit(browser, browser.find(By.id("order-save")));
			String saved = browser.find(By.id("order-saved")).getText();
			assertThat(saved).contains("recorded", "The totals above include it now", "from the next run, on ");
			assertThat(browser.find(By.id("orders")).getText()).contains("12,345.60", "Completed");
			browser.screenshot("orders-recorded-en");

			submit(browser, browser.find(By.cssSelector("#orders .order-edit")));
			WebElement amount = browser.find(By.id("order-amount"));
			assertThat(amount.getDomProperty("value")).isEqualTo("12345.6");
			setValue(browser, amount, "¥1,234,567.89");
			submit(browser, browser.find(By.id("order-save")));
			assertThat(browser.find(By.id("order-saved")).getText()).contains("saved");
			assertThat(browser.find(By.id("orders")).getText()).contains("1,234,567.89");

			submit(browser, browser.find(By.cssSelector("#orders .order-edit")));
			submit(browser, browser.find(By.id("order-cancel")));
			assertThat(browser.find(By.id("order-saved")).getText()).contains("cancelled");
			assertThat(browser.find(By.id("orders")).getText()).contains("Cancelled");

			LocalDateTime lastWeek = LocalDateTime.now(SHANGHAI).minusDays(7).withHour(10).withMinute(30);
			logContact(browser, lastWeek, "Visited at the trade fair");
			assertThat(browser.find(By.id("contact-saved")).getText()).contains("Contact logged");
			assertThat(browser.find(By.id("interactions")).getText()).contains("Visited at the trade fair",
					lastWeek.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
			assertThat(browser.find(By.id("last-contact")).getText()).isEqualTo(lastContactBefore);
			show(browser, "interactions-section");
			browser.screenshot("contacts-back-dated-en");
		}
	}

	@Test
	void repRecordsAReturnAndABackDatedContactInChineseAtPhoneWidth() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			// Chromium keeps a window at least 500 px wide: a phone's viewport is
			// emulated, which also widens it when anything on the page is wider.
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			browser.login(this.prefix + "-rep", PASSWORD);
			String code = this.prefix + "P1";
			browser.open("/customers/" + code + "?lang=zh-CN");
			String lastContactBefore = browser.find(By.id("last-contact")).getText();
			open(browser, "record-order");
			assertThat(horizontalOverflow(browser)).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			show(browser, "record-order");
			browser.screenshot("orders-form-zh-phone");

			recordOrder(browser, "¥98,765.40", null);
			assertThat(browser.find(By.id("order-saved")).getText()).contains("已录入", "下次运行");
			recordOrder(browser, "￥23,456.70", "RETURN");
			assertThat(browser.find(By.id("order-saved")).getText()).contains("已录入");
			String orders = browser.find(By.id("orders")).getText();
			assertThat(orders).contains("98,765.40", "-¥23,456.70", "退货");
			assertThat(horizontalOverflow(browser)).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			show(browser, "orders-section");
			browser.screenshot("orders-recorded-zh-phone");

			// A contact dated tomorrow is refused in Chinese, keeping the notes.
			logContact(browser, LocalDateTime.now(SHANGHAI).plusDays(1), "明天再联系");
			assertThat(browser.find(By.cssSelector("#contact-occurred-at ~ .invalid-feedback")).getText())
				.contains("联系时间不能晚于现在");
			assertThat(browser.find(By.id("contact-notes")).getDomProperty("value")).isEqualTo("明天再联系");
			browser.screenshot("contacts-future-error-zh-phone");

			browser.open("/customers/" + code);
			LocalDateTime threeDaysAgo = LocalDateTime.now(SHANGHAI).minusDays(3).withHour(15).withMinute(0);
			logContact(browser, threeDaysAgo, "补记：上门拜访");
			assertThat(browser.find(By.id("contact-saved")).getText()).contains("联系已记录");
			assertThat(browser.find(By.id("interactions")).getText()).contains("补记：上门拜访");
			assertThat(browser.find(By.id("last-contact")).getText()).isEqualTo(lastContactBefore);
			assertThat(horizontalOverflow(browser)).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			show(browser, "interactions-section");
			browser.screenshot("contacts-back-dated-zh-phone");
		}
	}

	private static void recordOrder(ChromeBrowser browser, String amount, String kind) {
		open(browser, "record-order");
		if (kind != null) {
			click(browser, browser.find(By.cssSelector("input[name=kind][value=" + kind + "]")));
		}
		setValue(browser, browser.find(By.id("order-amount")), amount);
		submit(browser, browser.find(By.id("order-save")));
	}

	private static void logContact(ChromeBrowser browser, LocalDateTime when, String notes) {
		open(browser, "log-contact");
		new Select(browser.find(By.id("contact-type"))).selectByValue("VISIT");
		setValue(browser, browser.find(By.id("contact-occurred-at")), INPUT.format(when));
		setValue(browser, browser.find(By.id("contact-notes")), notes);
		submit(browser, browser.find(By.id("contact-save")));
	}

	/** Scrolls a section to the top of the window, for a screenshot of it. */
	private static void show(ChromeBrowser browser, String id) {
		((JavascriptExecutor) browser.driver()).executeScript(
				"document.getElementById(arguments[0]).scrollIntoView({block: 'start', behavior: 'instant'});", id);
	}

	/** Opens a folded section unless it is open already. */
	private static void open(ChromeBrowser browser, String id) {
		WebElement details = browser.driver().findElement(By.id(id));
		if (details.getDomAttribute("open") == null) {
			click(browser, details.findElement(By.tagName("summary")));
		}
	}

	/** Clicks a button or link and waits for the page it leads to. */
	private static void submit(ChromeBrowser browser, WebElement element) {
		WebElement page = browser.driver().findElement(By.tagName("html"));
		click(browser, element);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
	}

	/** Sets an input's value as typed, including a datetime-local, which keys cannot. */
	private static void setValue(ChromeBrowser browser, WebElement input, String value) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, value);
	}

	private static void click(ChromeBrowser browser, WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.elementToBeClickable(element));
		element.click();
	}

	/** How far the page is wider than a 390 px phone, counting the emulated viewport. */
	private static int horizontalOverflow(ChromeBrowser browser) {
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return Math.max(document.documentElement.scrollWidth, window.innerWidth) - 390;");
		return ((Number) overflow).intValue();
	}

}
