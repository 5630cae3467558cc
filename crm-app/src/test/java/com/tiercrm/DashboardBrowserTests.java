package com.tiercrm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.tiercrm.SalesTeamFixture.SalesTeam;
import com.tiercrm.customer.Customer;
import com.tiercrm.testing.UsePostgres;
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
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager reads the dashboard of the published run in headless Chromium: the numbers in
 * its tables are the database's, the charts are drawn, and it reads in Chinese too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tiercrm.demo.enabled=false")
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

	private static final String PASSWORD = "dashboard-secret";

	@LocalServerPort
	private int port;

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private JdbcTemplate jdbc;

	private final String prefix = "DB" + UUID.randomUUID().toString().substring(0, 6);

	private SegmentationRun published;

	private Customer regular;

	@BeforeAll
	void twoRunsWithADowngradeInBetween() {
		SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		Customer big = this.fixture.customer(this.prefix, "K1", "华东大客户有限公司", team.rep());
		Customer regular = this.fixture.customer(this.prefix, "K2", "Emma Zhang", team.otherRep());
		this.regular = regular;
		this.fixture.customer(this.prefix, "K3", "王伟", team.rep());
		order("1", big, 900_000_000, 30);
		order("2", big, 100_000_000, 60);
		order("3", regular, 5_000, 10);
		order("4", regular, 3_000, 90);
		this.fixture.interaction(big, Instant.now().minus(3, ChronoUnit.DAYS), 5);
		assertThat(this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null)).getStatus())
			.isEqualTo(RunStatus.SUCCEEDED);
		// The big customer's orders are refunded: from key customer to no purchase.
		this.jdbc.update("update sales_orders set status = 'REFUNDED' where customer_id = ?", big.getId());
		this.published = this.runs.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(this.published.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void managerReadsTheDashboardInEnglishAndChinese() throws Exception {
		// The manager's figures are those of the team's customers, all of this test's.
		long customers = this.jdbc.queryForObject("select count(*) from customers where code like ?", Long.class,
				this.prefix + "%");
		List<Long> perTier = this.jdbc.queryForList(
				"select count(*) from customer_segments s join tiers t on t.code = s.tier"
						+ " join customers c on c.id = s.customer_id where s.run_id = ? and c.code like ?"
						+ " group by t.rank_order, s.tier order by t.rank_order, s.tier",
				Long.class, this.published.getId(), this.prefix + "%");
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 2400)) {
			browser.login(this.prefix + "-mgr", PASSWORD);
			browser.open("/dashboard");
			assertThat(browser.find(By.id("dashboard-scope")).getText()).contains(this.prefix + " team");
			WebElement total = browser.find(By.id("total-customers"));
			assertThat(Long.parseLong(total.getDomAttribute("data-value"))).isEqualTo(customers);
			List<Long> shown = browser.driver()
				.findElements(By.cssSelector("#tier-table td.tier-customers"))
				.stream()
				.map((cell) -> Long.parseLong(cell.getDomAttribute("data-value")))
				.toList();
			assertThat(shown).isEqualTo(perTier);
			assertThat(shown.stream().mapToLong(Long::longValue).sum()).isEqualTo(customers);
			assertThat(browser.find(By.id("run-as-of")).getText()).isEqualTo(this.published.getAsOf().toString());
			assertThat(browser.find(By.id("migration-table")).getText()).contains("A – key customers");
			WebElement downgrades = browser.find(By.id("downgrade-table"));
			assertThat(downgrades.getText()).contains("华东大客户有限公司", "A – key customers", "No purchase yet");
			for (String chart : List.of("chart-tiers", "chart-lorenz", "chart-segments")) {
				Object drawn = ((JavascriptExecutor) browser.driver())
					.executeScript("return Chart.getChart(document.getElementById(arguments[0])) != null", chart);
				assertThat(drawn).as(chart + " drawn by Chart.js").isEqualTo(Boolean.TRUE);
			}

			WebElement chinese = browser.driver().findElement(By.id("lang-zh"));
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({behavior: 'instant'});",
					chinese);
			chinese.click();
			assertThat(browser.find(By.id("lorenz-heading")).getText()).isEqualTo("帕累托曲线");
			assertThat(browser.find(By.id("downgrade-table")).getText()).contains("华东大客户有限公司", "尚未购买");
			assertThat(Long.parseLong(browser.find(By.id("total-customers")).getDomAttribute("data-value")))
				.isEqualTo(customers);
			browser.screenshot("dashboard");
			assertThat(Files.size(Path.of("target", "screenshots", "dashboard.png"))).isPositive();

			browser.open("/tiering/evaluation?lang=en");
			assertThat(browser.find(By.id("tier-history-ABC:A")).getText()).contains("run " + this.published.getId());
		}
	}

	@Test
	void repSeesOnlyTheirOwnDowngradesAndNoEvaluation() throws Exception {
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 1280, 900)) {
			browser.login(this.prefix + "-rep2", PASSWORD);
			browser.open("/dashboard");
			assertThat(browser.find(By.id("tier-table")).getText()).isNotBlank();
			assertThat(browser.pageText()).doesNotContain("华东大客户有限公司");
			assertThat(browser.driver().findElements(By.linkText("Effect evaluation"))).isEmpty();
			browser.open("/tiering/evaluation");
			assertThat(browser.pageText()).doesNotContain("Tiers across runs");
		}
	}

	@Test
	void customerPageAndDashboardFitAPhoneScreen() throws Exception {
		// After the runs, so that the tiers stay as they were: amounts long enough to
		// break if they could.
		order("5", this.regular, 235_955.37, 5);
		order("6", this.regular, 1_235_955.37, 6);
		try (ChromeBrowser browser = new ChromeBrowser(this.port, 390, 844)) {
			JavascriptExecutor js = (JavascriptExecutor) browser.driver();
			// Chromium keeps a window at least 500 px wide: a phone's viewport is
			// emulated.
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			browser.login(this.prefix + "-mgr", PASSWORD);
			for (String page : List.of("/customers/" + this.regular.getCode(), "/dashboard")) {
				browser.open(page + "?lang=en");
				browser.find(By.tagName("h1"));
				// The tables folded away count too.
				js.executeScript("document.querySelectorAll('details').forEach((d) => d.open = true)");
				long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
				assertThat(innerWidth).isLessThanOrEqualTo(390);
				long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth"))
					.longValue();
				Object tooWide = js.executeScript("""
						return [...document.querySelectorAll('body *')]
							.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5
								&& !e.closest('.table-responsive'))
							.map((e) => e.tagName + '#' + e.id + '.' + e.className).slice(0, 10);""");
				browser.screenshot("phone" + page.replace('/', '-'));
				assertThat(scrollWidth).as(page + " is wider than the screen: " + tooWide)
					.isLessThanOrEqualTo(innerWidth);
				// Every amount in the summary cards on one line, never broken inside.
				Object wrapped = js.executeScript("""
						return [...document.querySelectorAll('.stat-value')].filter((e) => {
							const range = document.createRange();
							range.selectNodeContents(e);
							return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
						}).map((e) => e.textContent.trim());""");
				assertThat((List<?>) wrapped).as(page + ": amounts broken across lines").isEmpty();
			}
		}
	}

	private void order(String no, Customer customer, double amount, int daysAgo) {
		this.jdbc.update(
				"insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)"
						+ " values (?, ?, ?, ?, ?, 'COMPLETED')",
				this.prefix + "-" + no, customer.getId(), Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS)),
				amount, amount / 5);
	}

}
