package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.tiercrm.lease.Leases;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.testing.UsePostgres;
import domaintest.DomainTestApplication;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(classes = { DomainTestApplication.class, ImportManagementTests.Config.class },
		properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class ImportManagementTests {

	@TempDir
	static Path workDirectory;

	@Autowired
	private ImportManagement imports;

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private QueuedExecutor executor;

	private String prefix;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
		registry.add("tiercrm.imports.max-file-size", () -> "1MB");
	}

	@BeforeEach
	void setUp() {
		this.prefix = "I" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	@Test
	void phoneNumbersKeepWhatWasWrittenBesideTheNormalisedForm() throws IOException {
		String csv = "code,name,phone\n%1$sP,Pei,+86 0571-8888 8888\n%1$sQ,Qin,13900000001\n".formatted(this.prefix);
		assertThat(submit(csv.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false).getCounts().inserted())
			.isEqualTo(2);
		assertThat(customer("P").getPhone()).isEqualTo("057188888888");
		assertThat(customer("P").getPhoneDisplay()).isEqualTo("+86 0571-8888 8888");
		assertThat(customer("Q").getPhoneDisplay()).isNull();
		assertThat(customer("Q").getPhoneShown()).isEqualTo("13900000001");
		assertThat(submit(csv.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false).getCounts().unchanged())
			.isEqualTo(2);
		ImportJob rewritten = submit(
				csv.replace("+86 0571-8888 8888", "0571 8888 8888").getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC,
				false);
		assertThat(rewritten.getCounts().updated()).isEqualTo(1);
		assertThat(customer("P").getPhoneShown()).isEqualTo("0571 8888 8888");
	}

	@Test
	void importsGbkFileWithChineseNamesExactly() throws IOException {
		String csv = """
				客户编号,客户名称,类型,电话,邮箱,省份,城市,区域,行业
				%1$sA,上海甲乙贸易有限公司,企业,+86 138-1234-5678,Sales@Example.com,上海,上海,华东,零售
				%1$sB,张三,个人,,,广东,深圳,SOUTH,IT
				""".formatted(this.prefix);
		ImportJob job = submit(csv.getBytes(Charset.forName("GBK")), ImportMode.ATOMIC, false);
		assertThat(job.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.getEncoding()).isEqualTo("GB18030");
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(2, 2, 0, 2, 0, 0));
		Customer a = customer("A");
		assertThat(a.getName()).isEqualTo("上海甲乙贸易有限公司");
		assertThat(a.getType()).isEqualTo(CustomerType.ENTERPRISE);
		assertThat(a.getPhone()).isEqualTo("13812345678");
		assertThat(a.getPhoneShown()).isEqualTo("+86 138-1234-5678");
		assertThat(a.getEmail()).isEqualTo("sales@example.com");
		assertThat(a.getRegion()).isEqualTo("EAST");
		assertThat(a.getIndustry()).isEqualTo("RETAIL");
		Customer b = customer("B");
		assertThat(b.getName()).isEqualTo("张三");
		assertThat(b.getType()).isEqualTo(CustomerType.INDIVIDUAL);
		assertThat(b.getCity()).isEqualTo("深圳");
		assertThat(b.getIndustry()).isEqualTo("IT");
	}

	@Test
	void importsUtf8WithByteOrderMarkAndSemicolons() throws IOException {
		String csv = "\uFEFFcustomer code;name\n%sA;北京丙丁科技\n".formatted(this.prefix);
		ImportJob job = submit(csv.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		assertThat(job.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.getDelimiter()).isEqualTo(";");
		assertThat(customer("A").getName()).isEqualTo("北京丙丁科技");
	}

	@Test
	void reimportingTheSameFileChangesNothingAndAChangedRowUpdates() throws IOException {
		String csv = "code,name,phone\n%1$sA,Alpha,13800000001\n%1$sB,Beta,13800000002\n".formatted(this.prefix);
		submit(csv.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		Customer before = customer("A");
		ImportJob again = submit(csv.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		assertThat(again.getCounts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 0, 2));
		assertThat(customer("A").getUpdatedAt()).isEqualTo(before.getUpdatedAt());
		String changed = csv.replace("Beta", "Beta Ltd");
		ImportJob update = submit(changed.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		assertThat(update.getCounts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 1, 1));
		assertThat(customer("B").getName()).isEqualTo("Beta Ltd");
		assertThat(customer("B").getPhone()).isEqualTo("13800000002");
	}

	@Test
	void atomicModeWritesNothingWhenARowIsInvalid() throws IOException {
		String csv = "code,name,email\n%1$sA,Alpha,a@example.com\n%1$sB,,b@example.com\n%1$sC,Gamma,not-an-email\n%1$sA,Again,\n"
			.formatted(this.prefix);
		ImportJob job = submit(csv.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		assertThat(job.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(job.getFailureKey()).isEqualTo("import.failure.invalidRows");
		assertThat(job.getCounts().invalid()).isEqualTo(3);
		assertThat(this.imports.errors(job.id(), 10)).containsExactly(
				new RowError(3, "name", "", "import.error.required"),
				new RowError(4, "email", "not-an-email", "import.error.email"),
				new RowError(5, "code", this.prefix + "A", "import.error.duplicateInFile"));
		assertThat(this.customers.existsByCode(this.prefix + "A")).isFalse();
	}

	@Test
	void skipInvalidModeWritesTheValidRows() throws IOException {
		String csv = "code,name,type\n%1$sA,Alpha,enterprise\n%1$sB,Beta,robot\n".formatted(this.prefix);
		ImportJob job = submit(csv.getBytes(StandardCharsets.UTF_8), ImportMode.SKIP_INVALID, false);
		assertThat(job.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(2, 1, 1, 1, 0, 0));
		assertThat(this.customers.existsByCode(this.prefix + "A")).isTrue();
		assertThat(this.customers.existsByCode(this.prefix + "B")).isFalse();
	}

	@Test
	void dryRunWritesNothingAndItsFileCanBeCommitted() throws IOException {
		String csv = "code,name\n%1$sA,Alpha\n".formatted(this.prefix);
		ImportJob dryRun = submit(csv.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, true);
		assertThat(dryRun.getCounts()).isEqualTo(new ImportCounts(1, 1, 0, 1, 0, 0));
		assertThat(this.customers.existsByCode(this.prefix + "A")).isFalse();
		assertThat(dryRun.isCommittable()).isTrue();
		ImportJob commit = this.imports.commit(dryRun.id(), "admin");
		assertThat(commit.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(commit.isDryRun()).isFalse();
		assertThat(customer("A").getName()).isEqualTo("Alpha");
	}

	@Test
	void importsAnExcelFile() throws IOException {
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet();
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("客户编号");
			header.createCell(1).setCellValue("客户名称");
			header.createCell(2).setCellValue("手机号");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue(this.prefix + "X");
			row.createCell(1).setCellValue("深圳庚辛电子");
			row.createCell(2).setCellValue(8613912345678d);
			workbook.write(xlsx);
		}
		ImportJob job = submit(xlsx.toByteArray(), ImportMode.ATOMIC, false);
		assertThat(job.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.getEncoding()).isEqualTo("XLSX");
		assertThat(customer("X").getName()).isEqualTo("深圳庚辛电子");
		assertThat(customer("X").getPhone()).isEqualTo("13912345678");
	}

	@Test
	void formulaLikeTextIsStoredAsText() throws IOException {
		String csv = "code,name,city\n%1$sA,=HYPERLINK(\"http://x\"),@SUM(A1)\n".formatted(this.prefix);
		submit(csv.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		assertThat(customer("A").getName()).isEqualTo("=HYPERLINK(\"http://x\")");
		assertThat(customer("A").getCity()).isEqualTo("@SUM(A1)");
	}

	@Test
	void badFilesAreRefusedWithAReasonAndWriteNothing() throws IOException {
		ImportJob missing = submit("code,phone\nX,1\n".getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		assertThat(missing.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(missing.getFailureKey()).isEqualTo("import.file.missingColumns");
		ImportJob binary = submit(new byte[] { 0, 1, 2, 3 }, ImportMode.ATOMIC, false);
		assertThat(binary.getFailureKey()).isEqualTo("import.file.binary");
		byte[] large = ("code,name\n" + (this.prefix + "A,Alpha\n").repeat(100_000)).getBytes(StandardCharsets.UTF_8);
		ImportJob tooLarge = submit(large, ImportMode.ATOMIC, false);
		assertThat(tooLarge.getFailureKey()).isEqualTo("import.file.tooLarge");
		assertThat(tooLarge.getFailureArg()).isEqualTo("1 MB");
		assertThat(this.customers.existsByCode(this.prefix + "A")).isFalse();
	}

	@Test
	void aDatabaseFailurePartWayRollsBackTheWholeCommit() throws IOException {
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION import_test_boom() RETURNS trigger AS $$
				BEGIN
				  IF NEW.name = 'BOOM' THEN RAISE EXCEPTION 'boom'; END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""");
		this.jdbc.execute("CREATE TRIGGER import_test_boom BEFORE INSERT ON customers"
				+ " FOR EACH ROW EXECUTE FUNCTION import_test_boom()");
		try {
			StringBuilder csv = new StringBuilder("code,name\n");
			for (int i = 0; i < 1200; i++) {
				csv.append(this.prefix).append(i).append(',').append((i == 1100) ? "BOOM" : "Name " + i).append('\n');
			}
			ImportJob job = submit(csv.toString().getBytes(StandardCharsets.UTF_8), ImportMode.SKIP_INVALID, false);
			assertThat(job.getStatus()).isEqualTo(ImportStatus.FAILED);
			assertThat(job.getFailureKey()).isEqualTo("import.failure.unexpected");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customers WHERE code LIKE ?", Long.class,
					this.prefix + "%"))
				.isZero();
		}
		finally {
			this.jdbc.execute("DROP TRIGGER import_test_boom ON customers");
			this.jdbc.execute("DROP FUNCTION import_test_boom()");
		}
	}

	@Test
	void jobsLeftRunningAreFailedAtStartup() {
		ImportJob job = this.imports.find(this.jdbc.queryForObject(
				"""
						INSERT INTO import_jobs (kind, file_name, file_bytes, mode, dry_run, status, requested_by, started_at)
						VALUES ('CUSTOMERS', 'x.csv', 1, 'ATOMIC', FALSE, 'RUNNING', 'admin', CURRENT_TIMESTAMP) RETURNING id""",
				Long.class))
			.orElseThrow();
		this.imports.recoverInterruptedJobs();
		assertThat(this.imports.find(job.id()).orElseThrow().getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(this.imports.recent()).extracting(ImportJob::getId).contains(job.id());
	}

	@Test
	void onlyJobsWhoseLeaseExpiredAreFailed() {
		String insert = """
				INSERT INTO import_jobs (kind, file_name, file_bytes, mode, dry_run, status, requested_by, started_at,
				    lease_owner, lease_expires_at)
				VALUES ('CUSTOMERS', 'x.csv', 1, 'ATOMIC', FALSE, 'RUNNING', 'admin', CURRENT_TIMESTAMP, 'other', ?)
				RETURNING id""";
		Long live = this.jdbc.queryForObject(insert, Long.class, Timestamp.from(Instant.now().plusSeconds(60)));
		Long expired = this.jdbc.queryForObject(insert, Long.class, Timestamp.from(Instant.now().minusSeconds(1)));
		try {
			this.imports.failExpiredJobs();
			assertThat(this.imports.find(live).orElseThrow().getStatus()).isEqualTo(ImportStatus.RUNNING);
			assertThat(this.imports.find(expired).orElseThrow()).satisfies((job) -> {
				assertThat(job.getStatus()).isEqualTo(ImportStatus.FAILED);
				assertThat(job.getFailureKey()).isEqualTo("import.failure.interrupted");
			});
		}
		finally {
			this.jdbc.update("UPDATE import_jobs SET status = 'FAILED' WHERE id = ?", live);
		}
	}

	@Test
	void importsOrdersOfKnownCustomersOnlyAndIdempotently() throws IOException {
		submit("code,name\n%sA,Alpha\n".formatted(this.prefix).getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC,
				false);
		String orders = """
				订单编号,客户编号,下单时间,金额,毛利,状态
				%1$s1,%1$sA,2024年1月5日,"¥1,234.50",100,已完成
				%1$s2,%1$sA,2024/1/6 14:30,99,,cancelled
				%1$s3,%1$sA,45296,12.3,,
				%1$s4,%1$sGHOST,2024-01-05,10,,
				""".formatted(this.prefix);
		ImportJob atomic = submit(ImportKind.ORDERS, orders.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		assertThat(atomic.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(this.imports.errors(atomic.id(), 10))
			.containsExactly(new RowError(5, "客户编号", this.prefix + "GHOST", "import.error.unknownCustomer"));
		assertThat(orderCount()).isZero();
		ImportJob skip = submit(ImportKind.ORDERS, orders.getBytes(StandardCharsets.UTF_8), ImportMode.SKIP_INVALID,
				false);
		assertThat(skip.getCounts()).isEqualTo(new ImportCounts(4, 3, 1, 3, 0, 0));
		assertThat(this.jdbc.queryForObject(
				"SELECT amount || '/' || gross_profit || '/' || status FROM sales_orders WHERE order_no = ?",
				String.class, this.prefix + "1"))
			.isEqualTo("1234.5000/100.0000/COMPLETED");
		assertThat(this.jdbc.queryForObject("SELECT status FROM sales_orders WHERE order_no = ?", String.class,
				this.prefix + "2"))
			.isEqualTo("CANCELLED");
		assertThat(this.jdbc
			.queryForObject("SELECT ordered_at FROM sales_orders WHERE order_no = ?", OffsetDateTime.class,
					this.prefix + "3")
			.toInstant()).isEqualTo(Instant.parse("2024-01-04T16:00:00Z"));
		ImportJob again = submit(ImportKind.ORDERS, orders.getBytes(StandardCharsets.UTF_8), ImportMode.SKIP_INVALID,
				false);
		assertThat(again.getCounts()).isEqualTo(new ImportCounts(4, 3, 1, 0, 0, 3));
		ImportJob changed = submit(ImportKind.ORDERS, orders.replace(",99,", ",199,").getBytes(StandardCharsets.UTF_8),
				ImportMode.SKIP_INVALID, false);
		assertThat(changed.getCounts()).isEqualTo(new ImportCounts(4, 3, 1, 0, 1, 2));
		assertThat(orderCount()).isEqualTo(3);
	}

	@Test
	void reportsBadOrderValuesWithTheirColumn() throws IOException {
		String orders = "order no,customer code,order time,amount,status\n%1$s1,%1$sA,2024-02-30,12.34567,lost\n"
			.formatted(this.prefix);
		ImportJob job = submit(ImportKind.ORDERS, orders.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, true);
		assertThat(this.imports.errors(job.id(), 10)).extracting(RowError::column, RowError::reasonKey)
			.containsExactly(tuple("order time", "import.error.dateTime"), tuple("amount", "import.error.amount"),
					tuple("status", "import.error.orderStatus"));
	}

	@Test
	void importsInteractionsAndMatchesThemByCustomerTypeAndTime() throws IOException {
		submit("code,name\n%sA,Alpha\n".formatted(this.prefix).getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC,
				false);
		String interactions = """
				客户编号,互动类型,时间,满意度,备注
				%1$sA,拜访,2024-03-01 10:00,5,带了样品
				%1$sA,call,2024-03-02,,
				%1$sA,电话,2024-03-03,6,
				%1$sA,拜访,2024-03-01 10:00,4,
				""".formatted(this.prefix);
		ImportJob job = submit(ImportKind.INTERACTIONS, interactions.getBytes(StandardCharsets.UTF_8),
				ImportMode.SKIP_INVALID, false);
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(4, 2, 2, 2, 0, 0));
		assertThat(this.imports.errors(job.id(), 10)).extracting(RowError::reasonKey)
			.containsExactly("import.error.satisfaction", "import.error.duplicateInteraction");
		String changed = interactions.replace(",5,带了样品", ",4,带了样品");
		ImportJob again = submit(ImportKind.INTERACTIONS, changed.getBytes(StandardCharsets.UTF_8),
				ImportMode.SKIP_INVALID, false);
		assertThat(again.getCounts()).isEqualTo(new ImportCounts(4, 2, 2, 0, 1, 1));
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id WHERE c.code = ?",
				Long.class, this.prefix + "A"))
			.isEqualTo(2);
	}

	@Test
	void implausibleInteractionDatesAreRowErrors() throws IOException {
		submit("code,name\n%sA,Alpha\n".formatted(this.prefix).getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC,
				false);
		String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
		String interactions = """
				customer code,type,time
				%1$sA,visit,2099-01-05
				%1$sA,call,1900-01-01
				%1$sA,call,1969-12-31 23:59
				%1$sA,call,%2$s
				%1$sA,call,1970-01-01
				""".formatted(this.prefix, tomorrow);
		ImportJob job = submit(ImportKind.INTERACTIONS, interactions.getBytes(StandardCharsets.UTF_8),
				ImportMode.SKIP_INVALID, true);
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(5, 2, 3, 2, 0, 0));
		assertThat(this.imports.errors(job.id(), 10)).extracting(RowError::row, RowError::reasonKey)
			.containsExactly(tuple(2L, "import.error.dateOutOfRange"), tuple(3L, "import.error.dateOutOfRange"),
					tuple(4L, "import.error.dateOutOfRange"));
	}

	@Test
	void aLatinFileIsReadAsWindows1252AndCanBeCheckedAgainInAnotherEncoding() throws IOException {
		byte[] latin = "code,name\n%sL,Café Müller\n".formatted(this.prefix).getBytes(StandardCharsets.ISO_8859_1);
		ImportJob job = submit(latin, ImportMode.ATOMIC, true);
		assertThat(job.getEncoding()).isEqualTo("windows-1252");
		assertThat(this.imports.sampleLine(job.id())).hasValue(this.prefix + "L,Café Müller");
		ImportJob again = this.imports.startRemapped(job.id(), ColumnMapping.AUTOMATIC, Charset.forName("GB18030"),
				"admin");
		this.executor.runAll();
		assertThat(this.imports.find(again.id()).orElseThrow().getEncoding()).isEqualTo("GB18030");
		assertThat(this.imports.sampleLine(again.id())).isNotEqualTo(Optional.of(this.prefix + "L,Café Müller"));
		ImportJob commit = this.imports.commit(job.id(), "admin");
		assertThat(commit.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(customer("L").getName()).isEqualTo("Café Müller");
	}

	@Test
	void importingInteractionsKeepsTheLastContactOfTheCustomersItWrites() throws IOException {
		submit("code,name\n%1$sA,Alpha\n%1$sB,Beta\n%1$sC,Gamma\n".formatted(this.prefix)
			.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		String first = """
				customer code,type,time,satisfaction
				%1$sA,visit,2024-03-01 10:00,5
				%1$sA,call,2024-03-05 09:30,
				%1$sB,call,2024-02-01 08:00,
				""".formatted(this.prefix);
		assertThat(submit(ImportKind.INTERACTIONS, first.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, true)
			.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(lastContact("A")).as("after a dry run").isNull();
		submit(ImportKind.INTERACTIONS, first.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		assertThat(lastContact("A")).isEqualTo(shanghai("2024-03-05T09:30"));
		assertThat(lastContact("B")).isEqualTo(shanghai("2024-02-01T08:00"));
		assertThat(lastContact("C")).isNull();

		// A changed score, an earlier contact, and a later contact of another customer.
		String second = """
				customer code,type,time,satisfaction
				%1$sA,visit,2024-03-01 10:00,3
				%1$sA,email,2024-01-15 12:00,
				%1$sB,meeting,2024-04-02 14:00,4
				""".formatted(this.prefix);
		ImportJob job = submit(ImportKind.INTERACTIONS, second.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC,
				false);
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(3, 3, 0, 2, 1, 0));
		assertThat(lastContact("A")).isEqualTo(shanghai("2024-03-05T09:30"));
		assertThat(lastContact("B")).isEqualTo(shanghai("2024-04-02T14:00"));
		assertThat(lastContact("C")).isNull();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customers c WHERE c.code LIKE ? AND"
				+ " c.last_contact_at IS DISTINCT FROM (SELECT max(i.occurred_at) FROM interactions i"
				+ " WHERE i.customer_id = c.id)", Long.class, this.prefix + "%"))
			.isZero();
	}

	/**
	 * The UCI Online Retail data set as commonly distributed in CSV: month first, times
	 * without seconds. The order import takes an order's amount as the file gives it and
	 * does not multiply quantity by unit price, so this file is what an ERP export of
	 * invoices looks like: one row per invoice with its total in an Amount column; the
	 * other columns are ignored.
	 */
	@Test
	void importsAnOnlineRetailFileWrittenMonthFirst() throws IOException {
		submit("code,name\n%1$s17850,Customer 17850\n%1$s13047,Customer 13047\n".formatted(this.prefix)
			.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, false);
		String orders = """
				InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country,Amount
				%1$s536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,%1$s17850,United Kingdom,139.12
				%1$s536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/2010 8:34,1.69,%1$s13047,United Kingdom,278.73
				%1$s537224,22633,HAND WARMER UNION JACK,12,12/5/2010 2:30 PM,1.85,%1$s13047,United Kingdom,22.20
				%1$s538172,21523,DOORMAT FANCY FONT HOME SWEET HOME,2,12/13/2010 9:58,7.95,%1$s17850,United Kingdom,15.90
				"""
			.formatted(this.prefix);
		Map<String, String> fields = new LinkedHashMap<>();
		for (String header : List.of("StockCode", "Description", "Quantity", "UnitPrice", "Country")) {
			fields.put(header, "");
		}
		fields.put("InvoiceNo", "ORDER_NO");
		fields.put("InvoiceDate", "ORDERED_AT");
		fields.put("CustomerID", "CUSTOMER_CODE");
		fields.put("Amount", "AMOUNT");
		ImportJob job = this.imports.submit(new ImportRequest(ImportKind.ORDERS, "Online Retail.csv", ImportMode.ATOMIC,
				false, null, "admin", new ColumnMapping(fields)),
				new ByteArrayInputStream(orders.getBytes(StandardCharsets.UTF_8)));
		assertThat(job.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(4, 4, 0, 4, 0, 0));
		assertThat(job.getDatesReadAs()).isEqualTo(DateOrder.MONTH_FIRST);
		assertThat(job.getDatesBasis()).isEqualTo(ReadingBasis.EVIDENCE);
		assertThat(job.getDateExample()).isEqualTo("12/13/2010 9:58");
		assertThat(job.getDateExampleRow()).isEqualTo(5);
		assertThat(job.getDecimalsReadAs()).isEqualTo(DecimalMark.POINT);
		assertThat(orderedAt("536365")).isEqualTo(shanghai("2010-12-01T08:26"));
		assertThat(orderedAt("537224")).isEqualTo(shanghai("2010-12-05T14:30"));
		assertThat(orderedAt("538172")).isEqualTo(shanghai("2010-12-13T09:58"));
		assertThat(this.jdbc.queryForObject("SELECT sum(amount) FROM sales_orders WHERE order_no LIKE ?",
				BigDecimal.class, this.prefix + "%"))
			.isEqualByComparingTo("455.95");
	}

	@Test
	void importsADayFirstEuropeanFileWithDecimalCommas() throws IOException {
		submit("code,name\n%sA,Alpha\n".formatted(this.prefix).getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC,
				false);
		String orders = """
				order no;customer code;order time;amount;gross profit
				%1$s1;%1$sA;01.12.2010 08:26;1.234,56;100,5
				%1$s2;%1$sA;13.12.2010 09:00:00;1 234,56 €;-12,5
				%1$s3;%1$sA;02.01.2011;1234,56;0
				%1$s4;%1$sA;21.01.2011;-12,5;
				%1$s5;%1$sA;12.25.2010;5,00;
				%1$s6;%1$sA;01.12.10;5,00;
				%1$s7;%1$sA;04.01.2011;12.50;
				""".formatted(this.prefix);
		ImportJob job = submit(ImportKind.ORDERS, orders.getBytes(StandardCharsets.UTF_8), ImportMode.SKIP_INVALID,
				false);
		assertThat(job.getDelimiter()).isEqualTo(";");
		assertThat(job.getDatesReadAs()).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(job.getDateExample()).isEqualTo("13.12.2010 09:00:00");
		assertThat(job.getDateExampleRow()).isEqualTo(3);
		assertThat(job.getDecimalsReadAs()).isEqualTo(DecimalMark.COMMA);
		assertThat(job.getDecimalsBasis()).isEqualTo(ReadingBasis.EVIDENCE);
		assertThat(job.getDecimalExample()).isEqualTo("1.234,56");
		assertThat(job.getDecimalExampleRow()).isEqualTo(2);
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(7, 4, 3, 4, 0, 0));
		assertThat(this.imports.errors(job.id(), 10)).extracting(RowError::row, RowError::reasonKey)
			.containsExactly(tuple(6L, "import.error.dateOrder"), tuple(7L, "import.error.twoDigitYear"),
					tuple(8L, "import.error.decimalMark"));
		assertThat(this.jdbc.queryForList(
				"SELECT amount || '/' || gross_profit FROM sales_orders WHERE order_no LIKE ? ORDER BY order_no",
				String.class, this.prefix + "%"))
			.containsExactly("1234.5600/100.5000", "1234.5600/-12.5000", "1234.5600/0.0000", "-12.5000/0.0000");
		assertThat(orderedAt("1")).isEqualTo(shanghai("2010-12-01T08:26"));
		assertThat(orderedAt("3")).isEqualTo(shanghai("2011-01-02T00:00"));
	}

	@Test
	void anAmbiguousFileIsRefusedUntilTheOrderOfDayAndMonthIsChosen() throws IOException {
		submit("code,name\n%sA,Alpha\n".formatted(this.prefix).getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC,
				false);
		String orders = """
				order no,customer code,order time,amount
				%1$s1,%1$sA,01/02/2011 10:00,"1,234"
				%1$s2,%1$sA,03/04/2011,5
				""".formatted(this.prefix);
		ImportJob refused = submit(ImportKind.ORDERS, orders.getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC, true);
		assertThat(refused.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(refused.getFailureKey()).isEqualTo("import.file.dateOrderAmbiguous");
		assertThat(refused.getFailureArg()).isEqualTo("01/02/2011 10:00");
		assertThat(this.imports.matchedColumns(refused.id())).isPresent();

		ImportJob chosen = this.imports.startRemapped(refused.id(), ColumnMapping.AUTOMATIC, null,
				new ReadingSettings(DateOrder.DAY_FIRST, DecimalMark.AUTO), "admin");
		this.executor.runAll();
		chosen = this.imports.find(chosen.id()).orElseThrow();
		assertThat(chosen.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(chosen.getDatesReadAs()).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(chosen.getDatesBasis()).isEqualTo(ReadingBasis.CHOSEN);
		assertThat(chosen.getDecimalsReadAs()).isEqualTo(DecimalMark.POINT);
		assertThat(chosen.getDecimalsBasis()).isEqualTo(ReadingBasis.AMBIGUOUS);
		assertThat(chosen.getDecimalExample()).isEqualTo("1,234");
		assertThat(orderCount()).isZero();

		ImportJob commit = this.imports.commit(chosen.id(), "admin");
		assertThat(commit.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(commit.getReadingSettings()).isEqualTo(new ReadingSettings(DateOrder.DAY_FIRST, DecimalMark.AUTO));
		assertThat(orderedAt("1")).isEqualTo(shanghai("2011-02-01T10:00"));
		assertThat(orderedAt("2")).isEqualTo(shanghai("2011-04-03T00:00"));
		assertThat(this.jdbc.queryForObject("SELECT amount FROM sales_orders WHERE order_no = ?", BigDecimal.class,
				this.prefix + "1"))
			.isEqualByComparingTo("1234");

		ImportJob monthFirst = this.imports.submit(
				new ImportRequest(ImportKind.ORDERS, "orders.csv", ImportMode.ATOMIC, false, null, "admin",
						ColumnMapping.AUTOMATIC, false, new ReadingSettings(DateOrder.MONTH_FIRST, DecimalMark.COMMA)),
				new ByteArrayInputStream(orders.getBytes(StandardCharsets.UTF_8)));
		assertThat(monthFirst.getCounts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 2, 0));
		assertThat(orderedAt("1")).isEqualTo(shanghai("2011-01-02T10:00"));
		assertThat(this.jdbc.queryForObject("SELECT amount FROM sales_orders WHERE order_no = ?", BigDecimal.class,
				this.prefix + "1"))
			.isEqualByComparingTo("1.234");
	}

	@Test
	void interactionDatesAreReadDayFirstOnEvidence() throws IOException {
		submit("code,name\n%sA,Alpha\n".formatted(this.prefix).getBytes(StandardCharsets.UTF_8), ImportMode.ATOMIC,
				false);
		String interactions = """
				customer code,type,time
				%1$sA,visit,02/03/2024 10:00
				%1$sA,call,25/03/2024 09:30
				""".formatted(this.prefix);
		ImportJob job = submit(ImportKind.INTERACTIONS, interactions.getBytes(StandardCharsets.UTF_8),
				ImportMode.ATOMIC, false);
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(2, 2, 0, 2, 0, 0));
		assertThat(job.getDatesReadAs()).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(job.getDecimalsReadAs()).isNull();
		assertThat(lastContact("A")).isEqualTo(shanghai("2024-03-25T09:30"));
		assertThat(this.jdbc.queryForObject(
				"SELECT min(occurred_at) FROM interactions i JOIN customers c ON c.id = i.customer_id WHERE c.code = ?",
				OffsetDateTime.class, this.prefix + "A")
			.toInstant()).isEqualTo(shanghai("2024-03-02T10:00"));
	}

	private Instant orderedAt(String orderNo) {
		return this.jdbc
			.queryForObject("SELECT ordered_at FROM sales_orders WHERE order_no = ?", OffsetDateTime.class,
					this.prefix + orderNo)
			.toInstant();
	}

	private @Nullable Instant lastContact(String suffix) {
		OffsetDateTime last = this.jdbc.queryForObject("SELECT last_contact_at FROM customers WHERE code = ?",
				OffsetDateTime.class, this.prefix + suffix);
		return (last != null) ? last.toInstant() : null;
	}

	private static Instant shanghai(String localTime) {
		return LocalDateTime.parse(localTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
	}

	private long orderCount() {
		return this.jdbc.queryForObject("SELECT count(*) FROM sales_orders WHERE order_no LIKE ?", Long.class,
				this.prefix + "%");
	}

	private ImportJob submit(byte[] content, ImportMode mode, boolean dryRun) throws IOException {
		return submit(ImportKind.CUSTOMERS, content, mode, dryRun);
	}

	private ImportJob submit(ImportKind kind, byte[] content, ImportMode mode, boolean dryRun) throws IOException {
		return this.imports.submit(new ImportRequest(kind, kind.pathName() + ".csv", mode, dryRun, null, "admin"),
				new ByteArrayInputStream(content));
	}

	private Customer customer(String suffix) {
		return this.customers.findAll()
			.stream()
			.filter((c) -> c.getCode().equals(this.prefix + suffix))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void startRunsTheImportInTheBackgroundAndACancelledJobWritesNothing() throws IOException {
		StringBuilder csv = new StringBuilder("code,name\n");
		for (int i = 0; i < 1200; i++) {
			csv.append(this.prefix).append(i).append(",Name ").append(i).append('\n');
		}
		byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
		ImportJob cancelled = start(content);
		assertThat(cancelled.getStatus()).isEqualTo(ImportStatus.RUNNING);
		assertThat(this.imports.cancel(cancelled.id())).isTrue();
		this.executor.runAll();
		assertThat(this.imports.find(cancelled.id()).orElseThrow().getStatus()).isEqualTo(ImportStatus.CANCELLED);
		assertThat(this.customers.existsByCode(this.prefix + "0")).isFalse();
		ImportJob running = start(content);
		this.executor.runAll();
		ImportJob done = this.imports.find(running.id()).orElseThrow();
		assertThat(done.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(done.getProcessedRows()).isEqualTo(1200);
		assertThat(this.imports.cancel(running.id())).isFalse();
		assertThat(this.customers.existsByCode(this.prefix + "1199")).isTrue();
	}

	private ImportJob start(byte[] content) throws IOException {
		return this.imports.start(
				new ImportRequest(ImportKind.CUSTOMERS, "customers.csv", ImportMode.ATOMIC, false, null, "admin"),
				new ByteArrayInputStream(content));
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class,
			Leases.class, com.tiercrm.orderfacts.OrderFacts.class })
	static class Config {

		@Bean
		QueuedExecutor applicationTaskExecutor() {
			return new QueuedExecutor();
		}

	}

	/** Runs background work when the test says so. */
	static class QueuedExecutor implements TaskExecutor {

		private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

		@Override
		public void execute(Runnable task) {
			this.tasks.add(task);
		}

		void runAll() {
			for (Runnable task = this.tasks.poll(); task != null; task = this.tasks.poll()) {
				task.run();
			}
		}

	}

}
