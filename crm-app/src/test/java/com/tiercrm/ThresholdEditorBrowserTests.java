package com.tiercrm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.customer.Customer;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A manager in headless Chromium changes the ABC cut points, previews what that does to
 * the tiers, saves the new version, starts a run and sees the new distribution, in
 * English and Chinese, on a desktop and at phone width.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThresholdEditorBrowserTests {

	private static final String PASSWORD = "threshold-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationConfigs configs;

	@Autowired
	private SegmentationRuns runs;

	private final String prefix = "TH" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	void createBuyersAndPublishTiers() {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		// Twelve buyers of falling value: the Pareto cut points decide how many are in A.
		for (int i = 1; i <= 12; i++) {
			Customer customer = this.fixture.customer(this.prefix, "C" + i, "客户 " + i, team.rep());
			this.orders
				.save(new SalesOrder(this.prefix + "-SO" + i, customer.getId(), Instant.now().minus(i, ChronoUnit.DAYS),
						BigDecimal.valueOf(120_000 / i), BigDecimal.valueOf(i), OrderStatus.COMPLETED));
		}
		this.configs.save(SegmentationSettings.defaults(), "browser-test");
		this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
	}

	@AfterAll
	void restoreTheDefaults() {
		this.configs.save(SegmentationSettings.defaults(), "browser-test");
	}

	@Test
	void managerPreviewsSavesAndRunsNewCutPoints() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-mgr", PASSWORD);
			browser.open("/tiering/settings");
			assertThat(browser.find(By.id("abcA")).getAttribute("value")).isEqualTo("80");
			assertThat(browser.find(By.id("abcB")).getAttribute("value")).isEqualTo("95");

			submit(browser, "preview-button");
			long before = previewCount(browser, "ABC:A");

			replace(browser.find(By.id("abcA")), "50");
			replace(browser.find(By.id("abcB")), "80");
			submit(browser, "preview-button");
			long after = previewCount(browser, "ABC:A");
			assertThat(after).as("customers in A at 50/80 instead of 80/95").isLessThan(before);
			assertThat(browser.find(By.id("preview-migration")).getText()).contains("A – key customers");
			assertThat(browser.find(By.id("abcA")).getAttribute("value")).as("input kept").isEqualTo("50");
			browser.screenshot("thresholds-preview");

			submit(browser, "save-thresholds");
			assertThat(browser.find(By.cssSelector("[role=status]")).getText())
				.contains("Saved as configuration version");
			assertThat(browser.find(By.id("abcA")).getAttribute("value")).isEqualTo("50");

			submit(browser, "start-run");
			assertThat(browser.find(By.cssSelector("[role=status]")).getText()).contains("started");
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> browser.find(By.cssSelector("#runs tbody tr .run-status")).getText(), "Succeeded"::equals);
			String newest = browser.find(By.cssSelector("#runs tbody tr .run-tiers")).getText();
			assertThat(newest).contains("A – key customers: " + String.format(Locale.ENGLISH, "%,d", after));
			browser.screenshot("thresholds-runs");

			browser.open("/tiering/settings");
			browser.driver().findElement(By.id("lang-zh")).click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(ExpectedConditions.titleContains("分级规则与阈值"));
			assertThat(browser.find(By.id("abcA")).getAttribute("value")).isEqualTo("50");
			browser.screenshot("thresholds-zh");
			browser.driver().findElement(By.id("lang-en")).click();
		}
	}

	@Test
	void editorWorksAtPhoneWidth() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			browser.login(this.prefix + "-mgr", PASSWORD);
			browser.open("/tiering/settings");
			submit(browser, "preview-button");
			browser.find(By.id("preview-tiers"));
			Object overflow = ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
			assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
			browser.screenshot("thresholds-phone");
		}
	}

	@Test
	void repIsNotAllowedToEditThresholds() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-rep", PASSWORD);
			assertThat(browser.driver().findElements(By.linkText("Thresholds"))).isEmpty();
			browser.open("/tiering/settings");
			assertThat(browser.pageText()).contains("Not allowed");
		}
	}

	/**
	 * Clicks a submit button and waits for the next page.
	 */
	private static void submit(ChromeBrowser browser, String buttonId) {
		WebElement page = browser.driver().findElement(By.tagName("html"));
		WebElement button = browser.find(By.id(buttonId));
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
		button.click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(page));
	}

	private static long previewCount(ChromeBrowser browser, String tier) {
		String text = browser.find(By.cssSelector("[id='preview-" + tier + "'] .preview-count")).getText();
		return Long.parseLong(text.replace(",", ""));
	}

	private static void replace(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

}
