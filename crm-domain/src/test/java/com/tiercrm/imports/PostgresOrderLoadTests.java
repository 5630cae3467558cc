package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.tiercrm.customer.ReferenceData;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.lease.Leases;
import com.tiercrm.orderfacts.OrderFacts;
import com.tiercrm.testing.UsePostgres;
import domaintest.DomainTestApplication;
import jakarta.persistence.EntityManager;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The PostgreSQL fast path for orders (COPY into a staging table, set-based merge) gives
 * the same counts, errors and rows as the batched path.
 */
@SpringBootTest(classes = { DomainTestApplication.class, PostgresOrderLoadTests.Config.class },
		properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class PostgresOrderLoadTests {

	/** Stored before the import: two unchanged by the file, one changed by it. */
	private static final String STORED = """
			订单编号,客户编号,下单时间,金额,毛利,渠道,状态
			{p}1,{p}A,2024-01-05 10:00,100,10,web,已完成
			{p}2,{p}A,2024-01-06 10:00,200,20,,已完成
			{p}3,{p}B,2024-01-07 10:00,300,30,store,已完成
			""";

	/**
	 * Unchanged (1, 2), changed (3: customer and status), new (4, 5 with three decimals),
	 * a bad value (row 7), an unknown customer (row 8), a repeat of a valid row (row 9)
	 * and a repeat of the unknown customer's row (row 10), a return (8, row 11), dates
	 * after tomorrow (row 12) and before 1970 (row 13), and a blank row.
	 */
	private static final String FILE = """
			order no,customer code,order time,amount,gross profit,status
			{p}1,{p}A,2024-01-05 10:00,100.00,10,completed
			{p}2,{p}A,2024/1/6 10:00,200,20,
			{p}3,{p}A,2024-01-07 10:00,300,30,refunded
			{p}4,{p}B,2024年2月1日,"¥1,234.50",,cancelled
			{p}5,{p}B,2024-02-02,2042.761,1,
			{p}6,{p}A,2024-02-30,5,1,
			{p}7,{p}GHOST,2024-02-03,5,1,
			{p}4,{p}A,2024-02-04,6,1,
			{p}7,{p}B,2024-02-05,7,1,
			{p}8,{p}B,2024-02-06,-12.3456,-1,
			{p}9,{p}A,2099-01-05,5,1,
			{p}10,{p}A,1900-01-01,5,1,
			,,,,,
			""";

	@TempDir
	static Path workDirectory;

	@Autowired
	private ImportManagement imports;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private QueuedExecutor executor;

	@Autowired
	private BatchedImports batched;

	@Autowired
	private LargeImports large;

	@Autowired
	private OrderFacts orderFacts;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private String prefix;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
	}

	@BeforeEach
	void setUp() {
		this.prefix = "F" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	@Test
	void givesTheSameCountsErrorsAndRowsAsTheBatchedPath() throws IOException {
		ImportManagement batched = this.batched.imports();
		String batchedPrefix = this.prefix;
		String fastPrefix = "G" + this.prefix.substring(1);
		for (ImportMode mode : List.of(ImportMode.ATOMIC, ImportMode.SKIP_INVALID)) {
			for (boolean dryRun : List.of(true, false)) {
				String suffix = mode.name().charAt(0) + (dryRun ? "D" : "C");
				ImportJob expected = prepareAndImport(batched, batchedPrefix + suffix, mode, dryRun);
				ImportJob actual = prepareAndImport(this.imports, fastPrefix + suffix, mode, dryRun);
				assertThat(actual.getStatus()).isEqualTo(expected.getStatus());
				assertThat(actual.getFailureKey()).isEqualTo(expected.getFailureKey());
				assertThat(actual.getCounts()).isEqualTo(expected.getCounts());
				assertThat(errors(actual, fastPrefix + suffix)).isEqualTo(errors(expected, batchedPrefix + suffix))
					.hasSize(6);
				assertThat(orders(fastPrefix + suffix)).isEqualTo(orders(batchedPrefix + suffix));
				if (mode == ImportMode.ATOMIC) {
					// Nothing would be written, and nothing is: the valid rows are what
					// would have been.
					assertThat(actual.getCounts()).isEqualTo(new ImportCounts(12, 6, 6, 0, 0, 0));
					assertThat(actual.isWouldBeRejected()).isEqualTo(dryRun);
					assertThat(actual.getFailureArg()).isEqualTo(dryRun ? null : "6");
				}
			}
		}
		ImportJob skipped = this.imports.recent().get(0);
		assertThat(skipped.getCounts()).isEqualTo(new ImportCounts(12, 6, 6, 3, 1, 2));
		assertThat(errors(skipped, fastPrefix + "SC")).extracting(RowError::row, RowError::reasonKey)
			.containsExactly(tuple(7L, "import.error.dateTime"), tuple(8L, "import.error.unknownCustomer"),
					tuple(9L, "import.error.duplicateInFile"), tuple(10L, "import.error.duplicateInFile"),
					tuple(12L, "import.error.dateOutOfRange"), tuple(13L, "import.error.dateOutOfRange"));
		assertThat(orders(fastPrefix + "SC")).contains("3|A|300.0000|30.0000|store|REFUNDED",
				"4|B|1234.5000|0.0000||CANCELLED", "5|B|2042.7610|1.0000||COMPLETED",
				"8|B|-12.3456|-1.0000||COMPLETED");
	}

	/**
	 * Month first with twelve-hour times, a date that fits only day first (row 6) and a
	 * two-digit year (row 7).
	 */
	private static final String MONTH_FIRST = """
			order no,customer code,order time,amount
			{p}1,{p}A,12/1/2010 8:26,139.12
			{p}2,{p}A,12/1/2010 2:30 PM,"1,234.50"
			{p}3,{p}B,12/13/2010 9:58,15.9
			{p}4,{p}B,1/20/2011,-22.2
			{p}5,{p}A,13/12/2010,5
			{p}6,{p}A,12/1/10,5
			""";

	/**
	 * Day first with decimal commas, an amount with a decimal point (row 6) and one that
	 * is no amount (row 7).
	 */
	private static final String DECIMAL_COMMA = """
			order no;customer code;order time;amount;gross profit
			{p}1;{p}A;01.12.2010 08:26;1.234,56;100,5
			{p}2;{p}A;13.12.2010;1 234,56;-12,5
			{p}3;{p}B;02.01.2011 23:59:59;-12,5;
			{p}4;{p}B;03.01.2011;7;0,25
			{p}5;{p}A;04.01.2011;12.50;
			{p}6;{p}A;05.01.2011;zwölf;
			""";

	@Test
	void monthFirstAndDecimalCommaFilesGiveTheSameRowsAsTheBatchedPath() throws IOException {
		ImportManagement batched = this.batched.imports();
		for (String file : List.of(MONTH_FIRST, DECIMAL_COMMA)) {
			String batchedPrefix = "M" + UUID.randomUUID().toString().substring(0, 8) + "-";
			String fastPrefix = "N" + batchedPrefix.substring(1);
			ImportJob expected = customersAndOrders(batched, batchedPrefix, file);
			ImportJob actual = customersAndOrders(this.imports, fastPrefix, file);
			assertThat(actual.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
			assertThat(actual.getCounts()).isEqualTo(expected.getCounts())
				.isEqualTo(new ImportCounts(6, 4, 2, 4, 0, 0));
			assertThat(actual.getDatesReadAs()).isEqualTo(expected.getDatesReadAs());
			assertThat(actual.getDecimalsReadAs()).isEqualTo(expected.getDecimalsReadAs());
			assertThat(errors(actual, fastPrefix)).isEqualTo(errors(expected, batchedPrefix));
			assertThat(ordersAndTimes(fastPrefix)).isEqualTo(ordersAndTimes(batchedPrefix));
			if (file.equals(MONTH_FIRST)) {
				assertThat(actual.getDatesReadAs()).isEqualTo(DateOrder.MONTH_FIRST);
				assertThat(errors(actual, fastPrefix)).extracting(RowError::row, RowError::reasonKey)
					.containsExactly(tuple(6L, "import.error.dateOrder"), tuple(7L, "import.error.twoDigitYear"));
				assertThat(ordersAndTimes(fastPrefix)).containsExactly("1|A|139.1200|2010-12-01T00:26:00Z",
						"2|A|1234.5000|2010-12-01T06:30:00Z", "3|B|15.9000|2010-12-13T01:58:00Z",
						"4|B|-22.2000|2011-01-19T16:00:00Z");
			}
			else {
				assertThat(actual.getDatesReadAs()).isEqualTo(DateOrder.DAY_FIRST);
				assertThat(actual.getDecimalsReadAs()).isEqualTo(DecimalMark.COMMA);
				assertThat(errors(actual, fastPrefix)).extracting(RowError::row, RowError::reasonKey)
					.containsExactly(tuple(6L, "import.error.decimalMark"), tuple(7L, "import.error.amount"));
				assertThat(orders(fastPrefix)).containsExactly("1|A|1234.5600|100.5000||COMPLETED",
						"2|A|1234.5600|-12.5000||COMPLETED", "3|B|-12.5000|0.0000||COMPLETED",
						"4|B|7.0000|0.2500||COMPLETED");
				assertThat(ordersAndTimes(fastPrefix)).contains("3|B|-12.5000|2011-01-02T15:59:59Z");
			}
		}
	}

	private ImportJob customersAndOrders(ImportManagement imports, String prefix, String orders) throws IOException {
		ImportJob customers = submit(imports, ImportKind.CUSTOMERS,
				"code,name\n%1$sA,Alpha\n%1$sB,Beta\n".formatted(prefix), ImportMode.ATOMIC, false);
		assertThat(customers.getCounts().inserted()).isEqualTo(2);
		return submit(imports, ImportKind.ORDERS, orders.replace("{p}", prefix), ImportMode.SKIP_INVALID, false);
	}

	/** The orders of a prefix with their amount and time in UTC, without the prefix. */
	private List<String> ordersAndTimes(String prefix) {
		return this.jdbc
			.query("""
					SELECT substr(o.order_no, length(?) + 1), substr(c.code, length(?) + 1), o.amount, o.ordered_at
					FROM sales_orders o JOIN customers c ON c.id = o.customer_id
					WHERE o.order_no LIKE ? ORDER BY o.order_no""",
					(rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3).toPlainString() + "|"
							+ rs.getObject(4, java.time.OffsetDateTime.class).toInstant(),
					prefix, prefix, prefix + "%");
	}

	@Test
	void reimportingChangesNothingAndKeepsColumnsTheFileLacks() throws IOException {
		storeCustomersAndOrders(this.imports, this.prefix);
		String file = FILE.replace("{p}", this.prefix);
		ImportJob first = submit(this.imports, ImportKind.ORDERS, file, ImportMode.SKIP_INVALID, false);
		ImportJob again = submit(this.imports, ImportKind.ORDERS, file, ImportMode.SKIP_INVALID, false);
		assertThat(again.getCounts()).isEqualTo(new ImportCounts(12, 6, 6, 0, 0, 6));
		assertThat(first.getCounts().inserted()).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT channel FROM sales_orders WHERE order_no = ?", String.class,
				this.prefix + "1"))
			.isEqualTo("web");
	}

	@Test
	void aDatabaseFailureDuringTheMergeWritesNothing() throws IOException {
		storeCustomersAndOrders(this.imports, this.prefix);
		String before = String.join(";", orders(this.prefix));
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION import_test_order_boom() RETURNS trigger AS $$
				BEGIN
				  IF NEW.amount < 0 THEN RAISE EXCEPTION 'boom'; END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""");
		this.jdbc.execute("CREATE TRIGGER import_test_order_boom BEFORE INSERT ON sales_orders"
				+ " FOR EACH ROW EXECUTE FUNCTION import_test_order_boom()");
		try {
			ImportJob job = submit(this.imports, ImportKind.ORDERS, FILE.replace("{p}", this.prefix),
					ImportMode.SKIP_INVALID, false);
			assertThat(job.getStatus()).isEqualTo(ImportStatus.FAILED);
			assertThat(String.join(";", orders(this.prefix))).isEqualTo(before);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER import_test_order_boom ON sales_orders");
			this.jdbc.execute("DROP FUNCTION import_test_order_boom()");
		}
	}

	@Test
	void aCancelledImportWritesNothing() throws IOException {
		storeCustomersAndOrders(this.imports, this.prefix);
		StringBuilder file = new StringBuilder("order no,customer code,order time,amount\n");
		for (int i = 0; i < 50_000; i++) {
			file.append(this.prefix).append("N").append(i).append(',').append(this.prefix).append("A,2024-03-01,1\n");
		}
		ImportJob job = this.imports.start(
				new ImportRequest(ImportKind.ORDERS, "orders.csv", ImportMode.ATOMIC, false, null, "admin"),
				new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(this.imports.cancel(job.id())).isTrue();
		this.executor.runAll();
		assertThat(this.imports.find(job.id()).orElseThrow().getStatus()).isEqualTo(ImportStatus.CANCELLED);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM sales_orders WHERE order_no LIKE ?", Long.class,
				this.prefix + "N%"))
			.isZero();
	}

	@Test
	void bothPathsKeepTheOrderFactsAsARebuildFromTheOrdersMakesThem() throws IOException {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		// A window that starts between the stored orders, so that the window's sums
		// differ from the totals.
		Runnable rebuild = () -> transactions.executeWithoutResult(
				(status) -> this.orderFacts.rebuild(ZoneId.of("Asia/Shanghai"), 12, LocalDate.of(2024, 1, 6)));
		rebuild.run();
		try {
			prepareAndImport(this.batched.imports(), this.prefix + "K", ImportMode.SKIP_INVALID, false);
			prepareAndImport(this.imports, "H" + this.prefix.substring(1) + "K", ImportMode.SKIP_INVALID, false);
			List<String> kept = orderFacts();
			assertThat(kept).as("rows of the imported customers").hasSizeGreaterThanOrEqualTo(4);

			rebuild.run();

			assertThat(orderFacts()).isEqualTo(kept);
		}
		finally {
			transactions.executeWithoutResult((status) -> this.orderFacts.markStale());
		}
	}

	@Test
	void aFileOfMoreOrdersThanARefreshTakesMarksTheOrderFactsStaleAndLeavesThemToARebuild() throws IOException {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		transactions.executeWithoutResult(
				(status) -> this.orderFacts.rebuild(ZoneId.of("Asia/Shanghai"), 12, LocalDate.of(2024, 1, 6)));
		try {
			List<String> before = orderFacts();
			// The same service, but any file is more than a refresh takes (refresh up to
			// 0).
			ImportJob job = prepareAndImport(this.large.imports(), this.prefix + "S", ImportMode.SKIP_INVALID, false);
			assertThat(job.getCounts().inserted()).isPositive();

			assertThat(this.orderFacts.state().current()).isFalse();
			assertThat(orderFacts()).as("rows left as they were, for a rebuild").isEqualTo(before);
		}
		finally {
			transactions.executeWithoutResult((status) -> this.orderFacts.markStale());
		}
	}

	private List<String> orderFacts() {
		return this.jdbc.query("""
				SELECT customer_id || '|' || orders || '|' || purchase_days || '|' || coalesce(first_day::text, '')
				       || '|' || coalesce(last_day::text, '') || '|' || latest_day || '|' || first_day_spend
				       || '|' || purchase_spend || '|' || revenue || '|' || gross_profit || '|' || window_revenue
				       || '|' || window_gross_profit
				FROM customer_order_facts ORDER BY customer_id""", (rs, i) -> rs.getString(1));
	}

	private ImportJob prepareAndImport(ImportManagement imports, String prefix, ImportMode mode, boolean dryRun)
			throws IOException {
		storeCustomersAndOrders(imports, prefix);
		return submit(imports, ImportKind.ORDERS, FILE.replace("{p}", prefix), mode, dryRun);
	}

	private void storeCustomersAndOrders(ImportManagement imports, String prefix) throws IOException {
		ImportJob customers = submit(imports, ImportKind.CUSTOMERS,
				"code,name\n%1$sA,Alpha\n%1$sB,Beta\n".formatted(prefix), ImportMode.ATOMIC, false);
		assertThat(customers.getCounts().inserted()).isEqualTo(2);
		ImportJob orders = submit(imports, ImportKind.ORDERS, STORED.replace("{p}", prefix), ImportMode.ATOMIC, false);
		assertThat(orders.getCounts().inserted()).isEqualTo(3);
	}

	private List<RowError> errors(ImportJob job, String prefix) {
		return this.imports.errors(job.id(), 100)
			.stream()
			.map((error) -> new RowError(error.row(), error.column(),
					(error.value() != null) ? error.value().replace(prefix, "") : null, error.reasonKey()))
			.toList();
	}

	/** The orders of a prefix, without it. */
	private List<String> orders(String prefix) {
		return this.jdbc.query("""
				SELECT substr(o.order_no, length(?) + 1) || '|' || substr(c.code, length(?) + 1) || '|' || o.amount
				       || '|' || o.gross_profit || '|' || coalesce(o.channel, '') || '|' || o.status
				FROM sales_orders o JOIN customers c ON c.id = o.customer_id
				WHERE o.order_no LIKE ? ORDER BY o.order_no""", (rs, i) -> rs.getString(1), prefix, prefix,
				prefix + "%");
	}

	private ImportJob submit(ImportManagement imports, ImportKind kind, String content, ImportMode mode, boolean dryRun)
			throws IOException {
		return imports.submit(new ImportRequest(kind, kind.pathName() + ".csv", mode, dryRun, null, "admin"),
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class,
			Leases.class, com.tiercrm.orderfacts.OrderFacts.class })
	static class Config {

		@Bean
		LargeImports largeImports(ImportJobRepository jobs, EntityManager entities, JdbcTemplate jdbc,
				PlatformTransactionManager transactionManager, QueuedExecutor executor, ImportProperties properties,
				ReferenceData references, DatabaseDialect dialect, Leases leases) {
			return new LargeImports(new ImportManagement(jobs, entities, jdbc, transactionManager, executor, properties,
					references, dialect, leases, new OrderFacts(jdbc, entities, dialect, 0)));
		}

		@Bean
		QueuedExecutor applicationTaskExecutor() {
			return new QueuedExecutor();
		}

		/**
		 * The same service with the fast path switched off, for the paths to be compared.
		 */
		@Bean
		BatchedImports batchedImports(ImportJobRepository jobs, EntityManager entities, JdbcTemplate jdbc,
				PlatformTransactionManager transactionManager, QueuedExecutor executor, ImportProperties p,
				ReferenceData references, DatabaseDialect dialect, Leases leases, OrderFacts orderFacts) {
			return new BatchedImports(new ImportManagement(jobs, entities, jdbc, transactionManager, executor,
					new ImportProperties(p.maxFileSize(), p.maxCellLength(), p.maxStoredErrors(), p.workDirectory(),
							p.timeZone(), false, p.earliestDate(), p.uploadRetention()),
					references, dialect, leases, orderFacts));
		}

	}

	/** An import service whose order facts take no refresh of any file. */
	record LargeImports(ImportManagement imports) {

	}

	/** The import service that never takes the PostgreSQL fast path. */
	record BatchedImports(ImportManagement imports) {

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
