package com.tiercrm;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.tiercrm.customer.Customer;
import com.tiercrm.market.MarketShares;
import com.tiercrm.order.OrderStatus;
import com.tiercrm.order.SalesOrder;
import com.tiercrm.order.SalesOrderRepository;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Clusters as tiers on PostgreSQL: with {@code CLUSTER} as the tier model and K = 2, two
 * runs ten days apart put a handful of very large, frequent buyers in {@code C01} and
 * one-time small buyers in another cluster, keep both codes, store the centres, profiles
 * and the adjusted Rand index, and the customer list filters by the cluster tier. The
 * discriminant trained on the clusters places a customer who came in after the run, on
 * the customer page and through {@code POST /api/v1/segmentation/classify}.
 */
@SpringBootTest(properties = "tiercrm.demo.enabled=false")
@AutoConfigureMockMvc
@UsePostgres
@Import(SalesTeamFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTierModelIntegrationTests {

	private static final String PASSWORD = "cluster-model-secret";

	@Autowired
	private SalesTeamFixture fixture;

	@Autowired
	private SalesOrderRepository orders;

	@Autowired
	private SegmentationConfigs configs;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MarketShares market;

	@Autowired
	private TierLabels tierLabels;

	@Autowired
	private UserDetailsService users;

	private final String prefix = "CL" + UUID.randomUUID().toString().substring(0, 6);

	private SegmentationRun first;

	private SegmentationRun second;

	@BeforeAll
	void runTwiceWithClustersAsTiers() {
		SalesTeamFixture.SalesTeam team = this.fixture.create(this.prefix, PASSWORD);
		int number = 0;
		for (int c = 1; c <= 8; c++) {
			Customer big = this.fixture.customer(this.prefix, "BIG" + c, "Big Buyer " + c, team.rep());
			for (int day = 1; day <= 12; day++) {
				order(big, String.valueOf(++number), String.format("2025-06-%02dT08:00:00Z", day + 2 * c), "400000.00");
			}
			Customer small = this.fixture.customer(this.prefix, "SMALL" + c, "Small Buyer " + c, team.rep());
			order(small, String.valueOf(++number), "2024-07-0" + c + "T08:00:00Z", "1.00");
		}
		this.fixture.customer(this.prefix, "NONE", "Never Bought Trading", team.rep());
		// The runs cluster everyone who bought before their dates: only this class's
		// customers, whatever other tests left in the shared database (the forecast
		// tests'
		// CDNOW sample of 1997, say, would be a cluster of its own).
		this.jdbc.update("delete from sales_orders where ordered_at < '2025-07-11' and customer_id not in"
				+ " (select id from customers where code like ?)", this.prefix + "%");
		// Start from a product that has not clustered before: the codes are numbered by
		// value, C01 the most valuable.
		this.jdbc
			.update("delete from run_clusterings where run_id = (select published_run_id from segmentation_state)");
		SegmentationSettings defaults = SegmentationSettings.defaults();
		this.configs.save(new SegmentationSettings(defaults.abc(), 0, defaults.rfm(), defaults.clv(), "CLUSTER", 1,
				Map.of("CLUSTER", Map.of("k", 2))), "cluster-model-test");
		this.first = this.runs.runNow(new RunRequest(LocalDate.of(2025, 6, 30), null, RunTrigger.MANUAL, "test"));
		this.second = this.runs.runNow(new RunRequest(LocalDate.of(2025, 7, 10), null, RunTrigger.MANUAL, "test"));
	}

	@AfterAll
	void backToTheDefaults() {
		this.configs.save(SegmentationSettings.defaults(), "cluster-model-test");
	}

	private void order(Customer customer, String number, String at, String amount) {
		this.orders.save(new SalesOrder(this.prefix + "-SO" + number, customer.getId(), Instant.parse(at),
				new BigDecimal(amount), new BigDecimal(amount).divide(BigDecimal.valueOf(4)), OrderStatus.COMPLETED));
	}

	@Test
	void theClustersAreTiersWithPoliciesAndKeepTheirCodesFromRunToRun() {
		assertThat(this.first.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(this.second.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(this.jdbc.queryForList("select code from tiers where model = 'CLUSTER' order by rank_order",
				String.class))
			.containsExactly("CLUSTER:C01", "CLUSTER:C02", "CLUSTER:C03", "CLUSTER:C04", "CLUSTER:C05", "CLUSTER:C06",
					"CLUSTER:C07", "CLUSTER:C08", "CLUSTER:C09", "CLUSTER:C10", "CLUSTER:NO_PURCHASE");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from tier_policies where tier_code like 'CLUSTER:%' and current_version = 1",
				Integer.class))
			.isEqualTo(11);
		for (SegmentationRun run : List.of(this.first, this.second)) {
			assertThat(tiers(run, "BIG")).containsOnly("CLUSTER:C01").hasSize(8);
			List<String> small = tiers(run, "SMALL");
			assertThat(small).hasSize(8).doesNotContain("CLUSTER:C01").containsOnly(small.get(0));
			assertThat(tiers(run, "NONE")).containsExactly("CLUSTER:NO_PURCHASE");
		}
		assertThat(tiers(this.second, "SMALL")).isEqualTo(tiers(this.first, "SMALL"));
		assertThat(this.jdbc.queryForList(
				"select m.class_code || ' ' || m.reason from customer_model_results m join customers c"
						+ " on c.id = m.customer_id where m.run_id = ? and m.model = 'CLUSTER' and c.code = ?",
				String.class, this.second.getId(), this.prefix + "BIG1"))
			.singleElement()
			.asString()
			.startsWith("C01 cluster.reason|1|");
	}

	@Test
	void eachRunKeepsItsCentresProfilesAndTheStabilityAgainstThePreviousRun() {
		Map<String, Object> second = this.jdbc.queryForMap(
				"select cluster_count, suggested_k, previous_run_id, adjusted_rand, compared_customers, variable_names"
						+ " from run_clusterings where run_id = ?",
				this.second.getId());
		assertThat(second).containsEntry("cluster_count", 2)
			.containsEntry("previous_run_id", this.first.getId())
			.containsEntry("variable_names", "recency,frequency,monetary,averageOrder,tenure");
		assertThat(second.get("suggested_k")).isNull();
		assertThat((Double) second.get("adjusted_rand")).isGreaterThan(0.9);
		assertThat((Long) second.get("compared_customers")).isGreaterThanOrEqualTo(16);
		assertThat(this.jdbc.queryForObject("select previous_run_id from run_clusterings where run_id = ?", Long.class,
				this.first.getId()))
			.isNull();
		assertThat(this.jdbc.queryForList("select class_code from run_clusters where run_id = ? order by class_code",
				String.class, this.second.getId()))
			.containsExactly("C01", "C02");
		Map<String, Object> top = this.jdbc
			.queryForMap("select revenue_share, name_keys, previous_distance from run_clusters where run_id = ?"
					+ " and class_code = 'C01'", this.second.getId());
		assertThat((Double) top.get("revenue_share")).isGreaterThan(0.5);
		assertThat((String) top.get("name_keys")).startsWith("cluster.name.");
		assertThat((Double) top.get("previous_distance")).isNotNull();
		String small = tiers(this.second, "SMALL").get(0).substring("CLUSTER:".length());
		assertThat(monetaryZ(this.second, "C01")).isGreaterThan(monetaryZ(this.second, small));
		assertThat(this.jdbc.queryForObject("select count(*) from run_cluster_centroids where run_id = ?",
				Integer.class, this.second.getId()))
			.isEqualTo(10);
	}

	private double monetaryZ(SegmentationRun run, String classCode) {
		Double z = this.jdbc.queryForObject("select z_score from run_cluster_centroids where run_id = ?"
				+ " and class_code = ? and variable_name = 'monetary'", Double.class, run.getId(), classCode);
		return (z != null) ? z : Double.NaN;
	}

	@Test
	void theCustomerListExportAndDashboardShowTheClusterTiersInBothLanguages() throws Exception {
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "-mgr");
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			String label = locale.getLanguage().equals("zh") ? "第 1 群" : "Cluster 1";
			String list = page("/customers?q=" + this.prefix + "BIG", locale, manager);
			assertThat(list).contains(this.prefix + "BIG1").doesNotContain(this.prefix + "SMALL1").contains(label);
			String export = page("/customers/export.csv?q=" + this.prefix + "BIG", locale, manager);
			assertThat(export).contains(this.prefix + "BIG1").contains(label);
			assertThat(page("/dashboard", locale, manager)).contains(label);
		}
	}

	@Test
	void theCustomerListFiltersByAClusterInBothLanguages() throws Exception {
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "-mgr");
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			String list = page("/customers?tier=CLUSTER:C01&q=" + this.prefix, locale, manager);
			assertThat(list).contains(this.prefix + "BIG1")
				.doesNotContain(this.prefix + "SMALL1")
				.contains(locale.getLanguage().equals("zh") ? "第 1 群" : "Cluster 1");
		}
	}

	@Test
	void theDiscriminantPlacesACustomerWhoCameInAfterTheRunOnThePageAndInTheApi() throws Exception {
		Map<String, Object> kept = this.jdbc.queryForMap(
				"select discriminant_correct, discriminant_rows from run_clusterings where run_id = ?",
				this.second.getId());
		assertThat((Long) kept.get("discriminant_rows")).isPositive();
		assertThat((double) (Long) kept.get("discriminant_correct") / (Long) kept.get("discriminant_rows"))
			.isGreaterThan(0.9);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from run_cluster_centroids where run_id = ?"
						+ " and discriminant_weight is not null and discriminant_missing is not null",
				Integer.class, this.second.getId()))
			.isEqualTo(10);
		// After the run, a customer who buys like the big buyers, one who bought like the
		// small ones, and one who has not bought.
		SalesTeamFixture.SalesTeam team = this.fixture.create(this.prefix + "L", PASSWORD);
		Customer late = this.fixture.customer(this.prefix, "LATE", "Late Big Buyer", team.rep());
		Instant now = Instant.now();
		for (int day = 1; day <= 12; day++) {
			this.orders
				.save(new SalesOrder(this.prefix + "-LATE" + day, late.getId(), now.minus(Duration.ofDays(3L * day)),
						new BigDecimal("400000.00"), new BigDecimal("100000.00"), OrderStatus.COMPLETED));
		}
		Customer waiting = this.fixture.customer(this.prefix, "WAIT", "Not Bought Yet", team.rep());
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "L-mgr");
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			boolean zh = locale.getLanguage().equals("zh");
			String page = page("/customers/" + late.getCode(), locale, manager);
			assertThat(page).contains("id=\"provisional-cluster\"")
				.contains(zh ? "暂定分群" : "Provisional cluster")
				.contains(zh ? "第 1 群" : "Cluster 1");
			assertThat(page("/customers/" + waiting.getCode(), locale, manager)).contains("id=\"provisional-cluster\"")
				.contains(zh ? "尚未购买" : "No purchase yet");
		}
		String clusters = page("/tiering/clusters", Locale.ENGLISH, manager);
		assertThat(clusters).contains("5-fold cross-validation")
			.contains("id=\"chart-silhouette\"")
			.contains("id=\"chart-scree\"")
			.contains("id=\"cluster-dendrogram\"");

		String byCode = classify("{\"customer\":\"" + late.getCode() + "\"}", manager, 200);
		assertThat(byCode).contains("\"classCode\":\"C01\"")
			.contains("\"provisional\":true")
			.contains("\"runId\":" + this.second.getId());
		UserDetails ourManager = this.users.loadUserByUsername(this.prefix + "-mgr");
		assertThat(classify("{\"customer\":\"" + this.prefix + "BIG1\"}", ourManager, 200))
			.contains("\"classCode\":\"C01\"")
			.contains("\"provisional\":false");
		String small = tiers(this.second, "SMALL").get(0).substring("CLUSTER:".length());
		assertThat(classify("{\"variables\":{\"recency\":370,\"frequency\":1,\"monetary\":1,"
				+ "\"averageOrder\":1,\"tenure\":370}}", manager, 200))
			.contains("\"classCode\":\"" + small + "\"")
			.contains("\"provisional\":true")
			.contains("\"missingVariables\":[]");
		// Another team's customer is not there for this manager; unknown variables are
		// named with the ones that can be sent.
		assertThat(classify("{\"customer\":\"" + this.prefix + "BIG1\"}", manager, 404)).contains("api.classify");
		assertThat(classify("{\"variables\":{\"age\":30}}", manager, 400)).contains("recency").contains("averageOrder");
		assertThat(this.mvc
			.perform(post("/api/v1/segmentation/classify").contentType("application/json")
				.content("{\"variables\":{\"recency\":1}}")
				.with(user(this.users.loadUserByUsername(this.prefix + "-rep"))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void aManagersNameForAClusterIsWhatTheListsAndExportsShow() throws Exception {
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "-mgr");
		try {
			this.mvc
				.perform(post("/tiering/clusters/C01/name").param("nameEn", "Big frequent buyers")
					.param("nameZh", "高频大客户")
					.with(csrf())
					.with(user(manager)))
				.andExpect(status().is3xxRedirection());
			assertThat(this.jdbc.queryForMap("select label_en, label_zh from tiers where code = 'CLUSTER:C01'"))
				.containsEntry("label_en", "Big frequent buyers")
				.containsEntry("label_zh", "高频大客户");
			assertThat(page("/customers?tier=CLUSTER:C01&q=" + this.prefix, Locale.ENGLISH, manager))
				.contains("Big frequent buyers")
				.contains(this.prefix + "BIG1");
			assertThat(page("/customers/export.csv?q=" + this.prefix + "BIG", Locale.SIMPLIFIED_CHINESE, manager))
				.contains("高频大客户");
		}
		finally {
			this.jdbc.update("update tiers set label_en = 'Cluster 1', label_zh = '第 1 群' where code = 'CLUSTER:C01'");
			this.tierLabels.forget();
		}
	}

	@Test
	void theTieringReportDownloadsAsAWorkbookInBothLanguages() throws Exception {
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "-mgr");
		enterMarketSize();
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			boolean zh = locale.getLanguage().equals("zh");
			byte[] xlsx = this.mvc.perform(get("/tiering/report.xlsx").locale(locale).with(user(manager)))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
				List<String> sheets = new java.util.ArrayList<>();
				workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
				assertThat(sheets)
					.containsExactly(zh ? new String[] { "分级", "帕累托曲线", "服务策略", "迁移", "效果评估", "市场份额", "聚类分群", "销售预测" }
							: new String[] { "Tiers", "Pareto curve", "Policies", "Migration", "Evaluation",
									"Market share", "Clusters", "Forecast" });
				Sheet tiers = workbook.getSheetAt(0);
				assertThat(tiers.getRow(0).getCell(0).getStringCellValue())
					.contains(String.valueOf(this.second.getId()));
				// a tier row: its name, then its customers as a number
				Row first = tiers.getRow(4);
				assertThat(first.getCell(0).getStringCellValue()).isEqualTo(zh ? "第 1 群" : "Cluster 1");
				assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(first.getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(8);
				Sheet evaluation = workbook.getSheetAt(4);
				assertThat(evaluation.getRow(0).getCell(7).getStringCellValue())
					.isEqualTo(zh ? "推荐率" : "Referral rate");
				// a rate for each row with customers, as a number
				List<CellType> rates = new java.util.ArrayList<>();
				evaluation.forEach((row) -> rates.add((row.getCell(7) != null) ? row.getCell(7).getCellType() : null));
				assertThat(rates).contains(CellType.NUMERIC);
				Sheet market = workbook.getSheetAt(5);
				List<String> segments = new java.util.ArrayList<>();
				market.forEach((row) -> segments.add(row.getCell(0).getStringCellValue()));
				assertThat(segments)
					.contains(zh ? "行业：" + this.prefix + "-industry" : "Industry: " + this.prefix + "-industry");
				Sheet clusters = workbook.getSheetAt(6);
				assertThat(clusters.getRow(0).getCell(0).getStringCellValue()).isNotBlank();
				Sheet migration = workbook.getSheetAt(3);
				assertThat(migration.getRow(0).getCell(0).getStringCellValue())
					.contains(String.valueOf(this.first.getId()));
			}
		}
	}

	@Test
	void theTieringReportDownloadsAsAPdfWithItsFontEmbeddedInBothLanguages() throws Exception {
		UserDetails manager = this.users.loadUserByUsername(this.prefix + "-mgr");
		enterMarketSize();
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			boolean zh = locale.getLanguage().equals("zh");
			byte[] bytes = this.mvc.perform(get("/tiering/report.pdf").locale(locale).with(user(manager)))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			// kept beside the browser tests' screenshots, for a look at the layout
			Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(Path.of("target", "screenshots", "tiering-report-" + locale.getLanguage() + ".pdf"), bytes);
			try (PDDocument pdf = Loader.loadPDF(bytes)) {
				String text = new PDFTextStripper().getText(pdf);
				assertThat(text)
					.contains(zh ? "第 " + this.second.getId() + " 次运行客户分级报告"
							: "Tiering report of run " + this.second.getId())
					.contains(zh ? "第 1 群" : "Cluster 1")
					.contains(zh ? "帕累托曲线" : "Pareto curve")
					.contains(zh ? "服务策略" : "Policies")
					.contains(zh ? "聚类分群" : "Clusters")
					.contains(zh ? "推荐率" : "Referral")
					.contains(zh ? "市场份额" : "Market share")
					.contains(this.prefix + "-industry")
					.contains(zh ? "销售预测" : "Forecast");
				List<PDFont> fonts = new java.util.ArrayList<>();
				for (PDPage page : pdf.getPages()) {
					for (COSName name : page.getResources().getFontNames()) {
						fonts.add(page.getResources().getFont(name));
					}
				}
				assertThat(fonts).isNotEmpty().allSatisfy((font) -> assertThat(font.isEmbedded()).isTrue());
			}
		}
	}

	/**
	 * A market size for an industry code no customer has, once: both reports list it by
	 * its code.
	 */
	private void enterMarketSize() {
		String code = this.prefix + "-industry";
		if (this.market.all().stream().noneMatch((share) -> share.code().equals(code))) {
			this.market.enter(MarketShares.Dimension.INDUSTRY, code, LocalDate.of(2025, 1, 1),
					LocalDate.of(2025, 6, 30), new BigDecimal("1000000"), null);
		}
	}

	private String classify(String body, UserDetails as, int status) throws Exception {
		return this.mvc
			.perform(post("/api/v1/segmentation/classify").contentType("application/json")
				.content(body)
				.locale(Locale.ENGLISH)
				.with(user(as)))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private List<String> tiers(SegmentationRun run, String code) {
		return this.jdbc.queryForList(
				"select s.tier from customer_segments s join customers c on c.id = s.customer_id"
						+ " where s.run_id = ? and c.code like ? order by c.code",
				String.class, run.getId(), this.prefix + code + "%");
	}

	private String page(String path, Locale locale, UserDetails as) throws Exception {
		return this.mvc.perform(get(path).locale(locale).with(user(as)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
