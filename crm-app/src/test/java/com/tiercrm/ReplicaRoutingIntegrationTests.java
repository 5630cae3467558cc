package com.tiercrm;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.account.Role;
import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.Customer;
import com.tiercrm.customer.CustomerRepository;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.database.ReplicaReads;
import com.tiercrm.testing.PostgresTestDatabase;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on a primary and a real streaming replica (scripts/replica.sh):
 * read-only work of a GET reads from the replica, everything else from the primary; a
 * user who wrote reads from the primary until the replica has replayed the write; a
 * replica that lags more than the bound is left for the primary until it catches up. The
 * customer list (page, API and export), the dashboard and the report downloads read from
 * the replica too. An API client without a session reads its own writes on every
 * instance.
 */
class ReplicaRoutingIntegrationTests {

	static final String REPLICA_URL_VARIABLE = "CRM_TEST_POSTGRES_REPLICA_URL";

	private static final Duration MAX_STALENESS = Duration.ofSeconds(10);

	private static final String PASSWORD = "a replica passphrase";

	private ConfigurableApplicationContext app;

	private ConfigurableApplicationContext otherInstance;

	private Connection replica;

	@AfterEach
	void close() throws SQLException {
		if (this.replica != null) {
			try (Statement statement = this.replica.createStatement()) {
				statement.execute("select pg_wal_replay_resume()");
			}
			this.replica.close();
		}
		if (this.app != null) {
			this.app.close();
		}
		if (this.otherInstance != null) {
			this.otherInstance.close();
		}
	}

	@Test
	void anApiClientReadsItsOwnWritesOnEveryInstance() throws Exception {
		String replicaUrl = replicaUrl();
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		this.replica = DriverManager.getConnection(replicaUrl, db.username(), db.password());
		this.app = start(replicaUrl);
		this.otherInstance = start(replicaUrl);
		String prefix = "RT" + UUID.randomUUID().toString().substring(0, 6);
		PasswordEncoder encoder = this.app.getBean(PasswordEncoder.class);
		UserRepository users = this.app.getBean(UserRepository.class);
		ApiTokenManagement tokens = this.app.getBean(ApiTokenManagement.class);
		User writerUser = users.save(new User(prefix + "-w", "token writer", encoder.encode(PASSWORD), Role.ADMIN));
		User readerUser = users.save(new User(prefix + "-r", "token reader", encoder.encode(PASSWORD), Role.ADMIN));
		String writerToken = tokens.issue(writerUser.getId(), "writer", ApiTokenAccess.READ_WRITE, Duration.ofDays(1))
			.secret();
		String readerToken = tokens.issue(readerUser.getId(), "reader", ApiTokenAccess.READ_ONLY, Duration.ofDays(1))
			.secret();
		String code = prefix + "-C";
		this.app.getBean(CustomerRepository.class).save(new Customer(code, "Token Original", CustomerType.ENTERPRISE));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> onReplica("select count(*) from customers where code = '" + code + "'").equals("1"));
		// Clients without cookies: no session, as a script's.
		FormClient writerHere = new FormClient(port(this.app));
		FormClient writerThere = new FormClient(port(this.otherInstance));
		FormClient readerThere = new FormClient(port(this.otherInstance));
		String path = "/api/v1/customers/" + code;
		await().atMost(Duration.ofSeconds(30))
			.until(() -> readerThere.getWithBearer(path, readerToken).body().contains("Token Original"));

		// The replica stops replaying; the writer renames the customer through one
		// instance, and reads it through the other, with a list and a single customer.
		String etag = writerHere.getWithBearer(path, writerToken).headers().firstValue("ETag").orElseThrow();
		onReplica("select pg_wal_replay_pause()::text");
		HttpResponse<String> patched = writerHere.patchJsonWithBearer(path, "{\"name\": \"Token Renamed\"}", etag,
				writerToken);
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		assertThat(writerThere.getWithBearer(path, writerToken).body()).contains("Token Renamed");
		assertThat(writerThere.getWithBearer("/api/v1/customers?q=" + code, writerToken).body())
			.contains("Token Renamed")
			.doesNotContain("Token Original");
		assertThat(writerHere.getWithBearer(path, writerToken).body()).contains("Token Renamed");
		assertThat(onReplica("select count(*) from replica_read_fences where username = '" + prefix + "-w'"))
			.as("the note itself is not replayed yet")
			.isEqualTo("0");

		// Someone else still reads from the replica, which has not replayed the rename.
		assertThat(readerThere.getWithBearer(path, readerToken).body()).contains("Token Original")
			.doesNotContain("Token Renamed");
		assertThat(onReplica("select pg_is_wal_replay_paused()::text")).isEqualTo("true");
		assertThat(onReplica("select name from customers where code = '" + code + "'")).isEqualTo("Token Original");

		// Replaying again, everyone reads the new name.
		onReplica("select pg_wal_replay_resume()::text");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> readerThere.getWithBearer(path, readerToken).body().contains("Token Renamed"));
	}

	@Test
	void readsGoToTheReplicaUnlessTheUserWroteOrItLags() throws Exception {
		String replicaUrl = replicaUrl();
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		this.replica = DriverManager.getConnection(replicaUrl, db.username(), db.password());
		this.app = start(replicaUrl);
		ReplicaReads reads = this.app.getBean(ReplicaReads.class);
		TransactionTemplate readOnly = new TransactionTemplate(this.app.getBean(PlatformTransactionManager.class));
		readOnly.setReadOnly(true);
		TransactionTemplate readWrite = new TransactionTemplate(this.app.getBean(PlatformTransactionManager.class));
		JdbcTemplate jdbc = this.app.getBean(JdbcTemplate.class);

		// Read-only transactions read from the replica only where allowed (a GET), and
		// read-write ones never do.
		try (ReplicaReads.Scope scope = reads.allow(null)) {
			// In this thread: the scope is the thread's.
			await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> inRecovery(readOnly, jdbc));
			assertThat(scope.wrote()).isFalse();
			assertThat(inRecovery(readWrite, jdbc)).isFalse();
			assertThat(scope.wrote()).isTrue();
			assertThat(inRecovery(readOnly, jdbc)).as("after a write, the thread's reads stay on the primary")
				.isFalse();
		}
		assertThat(inRecovery(readOnly, jdbc)).as("outside a request that only reads").isFalse();

		String prefix = "RR" + UUID.randomUUID().toString().substring(0, 6);
		PasswordEncoder encoder = this.app.getBean(PasswordEncoder.class);
		UserRepository users = this.app.getBean(UserRepository.class);
		users.save(new User(prefix + "-w", "replica writer", encoder.encode(PASSWORD), Role.ADMIN));
		users.save(new User(prefix + "-r", "replica reader", encoder.encode(PASSWORD), Role.ADMIN));
		String code = prefix + "-C";
		this.app.getBean(CustomerRepository.class)
			.save(new Customer(code, "Replica Original", CustomerType.ENTERPRISE));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> onReplica("select count(*) from customers where code = '" + code
					+ "' and exists (select 1 from users where username = '" + prefix + "-r')")
				.equals("1"));
		FormClient writer = new FormClient(port(this.app));
		writer.login(prefix + "-w", PASSWORD);
		FormClient reader = new FormClient(port(this.app));
		reader.login(prefix + "-r", PASSWORD);

		// The replica stops replaying; someone else renames the customer on the primary.
		onReplica("select pg_wal_replay_pause()::text");
		jdbc.update("update customers set name = 'Replica Renamed' where code = ?", code);

		// Within the staleness bound, a page read from the replica shows the old name.
		assertThat(writer.get("/customers/" + code).body()).contains("Replica Original")
			.doesNotContain("Replica Renamed");

		// The writer adds a contact: after the redirect it sees it, read from the
		// primary.
		HttpResponse<String> added = writer.post("/customers/" + code + "/contacts", "name=Replica+Contact");
		assertThat(added.statusCode()).isEqualTo(302);
		writer.get("/customers/" + code);
		assertThat(writer.get("/customers/" + code).body()).contains("Replica Contact").contains("Replica Renamed");

		// The reader, who wrote nothing, reads from the replica until it is more than the
		// bound behind, then from the primary, while the replica still does not replay.
		assertThat(reader.get("/customers/" + code).body()).contains("Replica Original");
		assertThat(reader.get("/customers/" + code).body()).contains("Replica Original");
		await().atMost(MAX_STALENESS.plusSeconds(30))
			.until(() -> reader.get("/customers/" + code).body().contains("Replica Renamed"));
		assertThat(reader.get("/customers/" + code).body()).contains("Replica Contact");
		assertThat(onReplica("select pg_is_wal_replay_paused()::text")).isEqualTo("true");
		assertThat(onReplica("select name from customers where code = '" + code + "'")).isEqualTo("Replica Original");

		// Replaying again, the replica catches up and serves the reads once more.
		onReplica("select pg_wal_replay_resume()::text");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> onReplica("select name from customers where code = '" + code + "'").equals("Replica Renamed"));
		try (ReplicaReads.Scope scope = reads.allow(null)) {
			// In this thread: the scope is the thread's.
			await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> inRecovery(readOnly, jdbc));
			assertThat(scope.wrote()).isFalse();
		}
		assertThat(reader.get("/customers/" + code).body()).contains("Replica Renamed").contains("Replica Contact");
	}

	@Test
	void theCustomerListTheDashboardAndTheReportsReadFromTheReplica() throws Exception {
		String replicaUrl = replicaUrl();
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		this.replica = DriverManager.getConnection(replicaUrl, db.username(), db.password());
		// Long enough a bound for the reports to be written while the replica is paused.
		this.app = start(replicaUrl, Duration.ofSeconds(90));
		JdbcTemplate jdbc = this.app.getBean(JdbcTemplate.class);
		String prefix = "RL" + UUID.randomUUID().toString().substring(0, 6);
		PasswordEncoder encoder = this.app.getBean(PasswordEncoder.class);
		User admin = this.app.getBean(UserRepository.class)
			.save(new User(prefix + "-r", "replica reader", encoder.encode(PASSWORD), Role.ADMIN));
		String token = this.app.getBean(ApiTokenManagement.class)
			.issue(admin.getId(), "replica", ApiTokenAccess.READ_ONLY, Duration.ofDays(1))
			.secret();
		String code = prefix + "-C";
		Customer customer = this.app.getBean(CustomerRepository.class)
			.save(new Customer(code, "Replica Listed", CustomerType.ENTERPRISE));
		jdbc.update(
				"insert into sales_orders (order_no, customer_id, ordered_at, amount, gross_profit, status)"
						+ " values (?, ?, ?, 1000, 200, 'COMPLETED')",
				prefix + "-1", customer.getId(), Timestamp.from(Instant.now().minus(Duration.ofDays(20))));
		SegmentationRun run = this.app.getBean(SegmentationRuns.class)
			.runNow(new RunRequest(null, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		String tier = jdbc.queryForObject("select min(group_code) from run_group_stats where run_id = ?"
				+ " and dimension = 'TIER' and customers > 0", String.class, run.getId());
		long customers = jdbc.queryForObject(
				"select customers from run_group_stats where run_id = ?" + " and dimension = 'TIER' and group_code = ?",
				Long.class, run.getId(), tier);
		FormClient reader = new FormClient(port(this.app));
		reader.login(prefix + "-r", PASSWORD);
		Instant signedIn = Instant.now();

		// The replica has the run and the sign-in, and this instance knows it has.
		ReplicaReads reads = this.app.getBean(ReplicaReads.class);
		TransactionTemplate readOnly = new TransactionTemplate(this.app.getBean(PlatformTransactionManager.class));
		readOnly.setReadOnly(true);
		try (ReplicaReads.Scope scope = reads.allow(signedIn)) {
			await().pollInSameThread()
				.atMost(Duration.ofSeconds(60))
				.until(() -> inRecovery(readOnly, jdbc) && String.valueOf(run.getId())
					.equals(onReplica("select published_run_id from segmentation_state")));
			assertThat(scope.wrote()).isFalse();
		}

		// The replica stops replaying; the primary's customer and run figures change.
		onReplica("select pg_wal_replay_pause()::text");
		long changed = customers + 5_000_000;
		try {
			jdbc.update("update customers set name = 'Replica Relisted' where code = ?", code);
			jdbc.update("update run_group_stats set customers = ? where run_id = ? and dimension = 'TIER'"
					+ " and group_code = ?", changed, run.getId(), tier);

			// Each reads what the replica has: the old name, the old figures.
			assertThat(reader.get("/customers?q=" + code).body()).contains("Replica Listed")
				.doesNotContain("Replica Relisted");
			assertThat(reader.getWithBearer("/api/v1/customers?q=" + code, token).body()).contains("Replica Listed")
				.doesNotContain("Replica Relisted");
			assertThat(reader.get("/customers/export.csv?q=" + code).body()).contains("Replica Listed")
				.doesNotContain("Replica Relisted");
			String dashboard = reader.get("/dashboard").body();
			assertThat(dashboard).contains("data-value=\"" + customers + "\"")
				.doesNotContain("data-value=\"" + changed + "\"");
			try (XSSFWorkbook workbook = new XSSFWorkbook(
					new ByteArrayInputStream(reader.getBytes("/tiering/report.xlsx").body()))) {
				List<Double> numbers = new ArrayList<>();
				workbook.getSheetAt(0).forEach((row) -> row.forEach((cell) -> {
					if (cell.getCellType() == CellType.NUMERIC) {
						numbers.add(cell.getNumericCellValue());
					}
				}));
				assertThat(numbers).contains((double) customers).doesNotContain((double) changed);
			}
			try (PDDocument pdf = Loader.loadPDF(reader.getBytes("/tiering/report.pdf").body())) {
				assertThat(new PDFTextStripper().getText(pdf))
					.doesNotContain(String.format(Locale.ENGLISH, "%,d", changed));
			}
			assertThat(onReplica("select pg_is_wal_replay_paused()::text")).isEqualTo("true");

			// Replaying again, the replica serves the new figures.
			onReplica("select pg_wal_replay_resume()::text");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> reader.get("/dashboard").body().contains("data-value=\"" + changed + "\""));
			try (PDDocument pdf = Loader.loadPDF(reader.getBytes("/tiering/report.pdf").body())) {
				assertThat(new PDFTextStripper().getText(pdf)).contains(String.format(Locale.ENGLISH, "%,d", changed));
			}
			assertThat(reader.get("/customers?q=" + code).body()).contains("Replica Relisted");
		}
		finally {
			jdbc.update("update run_group_stats set customers = ? where run_id = ? and dimension = 'TIER'"
					+ " and group_code = ?", customers, run.getId(), tier);
		}
	}

	/**
	 * Whether a transaction of this kind reads from a server in recovery (the replica).
	 */
	private static boolean inRecovery(TransactionTemplate transaction, JdbcTemplate jdbc) {
		return Boolean.TRUE
			.equals(transaction.execute((status) -> jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class)));
	}

	private String onReplica(String query) throws SQLException {
		try (Statement statement = this.replica.createStatement(); ResultSet result = statement.executeQuery(query)) {
			result.next();
			return result.getString(1);
		}
	}

	/**
	 * The replica of the test PostgreSQL, as {@code .ci/run} starts it: the tests never
	 * skip for want of one.
	 */
	static String replicaUrl() {
		String url = System.getenv(REPLICA_URL_VARIABLE);
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("""
					The replica routing test needs a streaming replica of the test PostgreSQL and found none.
					Start one with scripts/replica.sh start (a pg_basebackup copy of 127.0.0.1:5432 on port 5433)
					and set CRM_TEST_POSTGRES_REPLICA_URL to the test database on it, e.g.
					jdbc:postgresql://127.0.0.1:5433/tiercrm_test for CRM_TEST_POSTGRES_URL's
					jdbc:postgresql://127.0.0.1:5432/tiercrm_test. .ci/run does both.""");
		}
		return url;
	}

	private static ConfigurableApplicationContext start(String replicaUrl) {
		return start(replicaUrl, MAX_STALENESS);
	}

	private static ConfigurableApplicationContext start(String replicaUrl, Duration maxStaleness) {
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		return new SpringApplicationBuilder(TierCrmApplication.class).run("--server.port=0",
				"--tiercrm.demo.enabled=false", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
				"--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=0",
				"--spring.flyway.locations=classpath:db/migration,classpath:db/vendor/{vendor}",
				"--tiercrm.datasource.replica.url=" + replicaUrl, "--tiercrm.datasource.replica.maximum-pool-size=4",
				"--tiercrm.datasource.replica.max-staleness=" + maxStaleness.toMillis() + "ms",
				"--spring.application.name=tiercrm-replica-test");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
