package com.tiercrm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.account.Role;
import com.tiercrm.customer.Customer;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A manager, in headless Chromium, chooses K with the clusters page's charts, names a
 * cluster in both languages, and reads the sales forecast and its holdout check, in
 * English and Chinese: a run with clusters as the tier model (K suggested) over a few
 * hundred customers who buy at their own rates over two years.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterAndForecastBrowserTests {

	private static final String PASSWORD = "cluster-browser-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private SegmentationConfigs configs;

	@Autowired
	private TierLabels labels;

	@Autowired
	private JdbcTemplate jdbc;

	private static final List<String> REGIONS = List.of("EAST", "NORTH", "SOUTH");

	private final String prefix = "CB" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	void customersWhoBuyAtTheirOwnRatesAndARunWithClusters() {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		this.fixture.user(this.prefix, "admin", Role.ADMIN, null, PASSWORD);
		SplittableRandom random = new SplittableRandom(17);
		List<Object[]> orders = new ArrayList<>();
		List<Object[]> regions = new ArrayList<>();
		for (int c = 0; c < 300; c++) {
			Customer customer = this.fixture.customer(this.prefix, "C" + c, "分群客户 " + c, team.rep());
			// a third buy often and much, a third now and then, a third once long ago;
			// each third mostly in a region of its own, one in ten with no region
			int kind = c % 3;
			regions.add(new Object[] { (c % 10 == 9) ? null : (c % 7 == 6) ? "CENTRAL" : REGIONS.get(kind),
					customer.getId() });
			double rate = (kind == 0) ? 1 / 20.0 : (kind == 1) ? 1 / 90.0 : 0;
			double amount = (kind == 0) ? 20_000 : (kind == 1) ? 2_000 : 300;
			int day = 700 - random.nextInt(60);
			orders.add(order(customer, orders.size(), day, amount * (0.8 + 0.4 * random.nextDouble())));
			while (rate > 0) {
				day -= (int) Math.ceil(-Math.log(1 - random.nextDouble()) / rate);
				if (day < 1) {
					break;
				}
				orders.add(order(customer, orders.size(), day, amount * (0.8 + 0.4 * random.nextDouble())));
			}
		}
		this.jdbc.batchUpdate("update customers set region = ? where id = ?", regions);
		this.jdbc.batchUpdate("insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit,"
				+ " status) values (?, ?, ?, ?, ?, 'COMPLETED')", orders);
		SegmentationSettings defaults = SegmentationSettings.defaults();
		this.configs.save(new SegmentationSettings(defaults.abc(), 0, defaults.rfm(), defaults.clv(), "CLUSTER", 1,
				Map.of("CLUSTER", Map.of("k", 0, "useRegion", 1))), "cluster-browser-test");
		assertThat(this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, "test")).getStatus())
			.isEqualTo(RunStatus.SUCCEEDED);
	}

	private Object[] order(Customer customer, int number, int daysAgo, double amount) {
		return new Object[] { this.prefix + "-SO" + number, customer.getId(),
				Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS)), amount, amount / 4 };
	}

	@AfterAll
	void backToTheDefaults() {
		this.configs.save(SegmentationSettings.defaults(), "cluster-browser-test");
		this.jdbc.update("update tiers set label_en = 'Cluster 1', label_zh = '第 1 群' where code = 'CLUSTER:C01'");
		this.labels.forget();
	}

	@Test
	void aManagerChoosesKNamesAClusterAndReadsTheForecast() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 3000)) {
			browser.login(this.prefix + "-mgr", PASSWORD);
			browser.open("/tiering/clusters?lang=en");
			assertThat(browser.find(By.id("cluster-choice-suggestion")).getText())
				.startsWith("The silhouette suggests K = ");
			for (String chart : List.of("chart-silhouette", "chart-elbow", "chart-scree")) {
				assertThat(drawn(browser, chart)).as(chart + " drawn by Chart.js").isTrue();
			}
			assertThat(browser.driver().findElements(By.cssSelector("#cluster-dendrogram line"))).hasSizeGreaterThan(3);
			assertThat(browser.find(By.id("cluster-loadings")).getText()).contains("Days since the last purchase");

			WebElement english = browser.find(By.id("nameEn-C01"));
			english.clear();
			english.sendKeys("Young big spenders");
			WebElement chinese = browser.find(By.id("nameZh-C01"));
			chinese.clear();
			chinese.sendKeys("年轻时尚高消费群体");
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].form.submit()", chinese);
			assertThat(browser.find(By.id("cluster-C01")).getText()).contains("Young big spenders");
			assertThat(browser.find(By.id("clusters-missing-region")).getText()).startsWith("Region: missing for ")
				.endsWith("customers, counted in no category.");
			assertThat(texts(browser, ".cluster-categories"))
				.anySatisfy((table) -> assertThat(table).contains("Top categories").contains("Region: East China"));
			assertThat(texts(browser, ".cluster-name")).anySatisfy((name) -> assertThat(name).contains("Mostly "));
			browser.screenshot("clusters-en");
			browser.open("/tiering/clusters?lang=zh-CN");
			assertThat(browser.find(By.id("cluster-C01")).getText()).contains("年轻时尚高消费群体");
			assertThat(browser.find(By.id("cluster-choice-heading")).getText()).isEqualTo("选择 K 与变量");
			assertThat(browser.find(By.id("clusters-missing-region")).getText()).startsWith("区域：")
				.endsWith("位客户缺失，不计入任何类别。");
			assertThat(texts(browser, ".cluster-categories"))
				.anySatisfy((table) -> assertThat(table).contains("区域：华东"));
			assertThat(texts(browser, ".cluster-name")).anySatisfy((name) -> assertThat(name).contains("为主"));
			browser.screenshot("clusters-zh");
			browser.open("/customers?tier=CLUSTER:C01&lang=zh-CN");
			assertThat(browser.pageText()).contains("年轻时尚高消费群体");

			browser.open("/tiering/forecast?lang=en");
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
				browser.open("/tiering/forecast?lang=en");
				return browser.driver().findElements(By.id("forecast-running")).isEmpty();
			});
			assertThat(browser.driver().findElements(By.id("forecast-failed"))).isEmpty();
			assertThat(browser.find(By.id("forecast-total-91")).getText()).contains("Next 91 days: expected revenue");
			assertThat(browser.find(By.id("holdout-summary")).getText()).contains("the correlation with what happened");
			assertThat(drawn(browser, "chart-holdout")).isTrue();
			browser.screenshot("forecast-en");
			browser.open("/tiering/forecast?lang=zh-CN");
			assertThat(browser.find(By.id("holdout-heading")).getText()).isEqualTo("留出期检验");
			assertThat(browser.find(By.id("forecast-by-tier")).getText()).contains("年轻时尚高消费群体");
			browser.screenshot("forecast-zh");
			// The forecast in brief sits beside the company's figures: not on a manager's
			// dashboard of their teams, on the head of sales' or an admin's.
			browser.open("/dashboard?lang=en");
			assertThat(browser.find(By.id("dashboard-forecast")).getText()).doesNotContain("Next 91 days");
			browser.logout();
			browser.login(this.prefix + "-admin", PASSWORD);
			browser.open("/dashboard?lang=en");
			assertThat(browser.find(By.id("dashboard-forecast")).getText()).contains("Next 91 days: expected revenue");
			// The report's PDF, fetched from the dashboard's link in the browser's
			// session,
			// now holds the forecast and the holdout check with its chart.
			String pdf = download(browser, browser.find(By.id("dashboard-report-pdf-link")).getAttribute("href"));
			byte[] bytes = Base64.getDecoder().decode(pdf);
			Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(Path.of("target", "screenshots", "tiering-report-forecast-en.pdf"), bytes);
			try (PDDocument document = Loader.loadPDF(bytes)) {
				assertThat(new PDFTextStripper().getText(document)).contains("Forecast")
					.contains("the models predicted each customer's repeat purchases")
					.contains("Predicted");
			}
		}
	}

	private static String download(ChromeBrowser browser, String href) {
		return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then((response) => response.arrayBuffer()).then((buffer) => {
					const bytes = new Uint8Array(buffer);
					let text = '';
					for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
					done(btoa(text));
				});""", href);
	}

	private static boolean drawn(ChromeBrowser browser, String canvas) {
		return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
			.executeScript("return Chart.getChart(document.getElementById(arguments[0])) != null", canvas));
	}

	private static List<String> texts(ChromeBrowser browser, String selector) {
		return browser.driver().findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
	}

}
