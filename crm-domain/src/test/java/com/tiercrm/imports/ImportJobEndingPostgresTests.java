package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.tiercrm.customer.ReferenceData;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.lease.LeasedTable;
import com.tiercrm.lease.Leases;
import com.tiercrm.testing.PostgresTestDatabase;
import com.tiercrm.testing.UsePostgres;
import domaintest.DomainTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a running import ends when its worker loses the database or is asked to stop, on a
 * real PostgreSQL, with the worker held at a chosen point by a lock taken from a
 * connection of the test's own. A job ended without its worker is announced once, and its
 * stuck worker is freed at once.
 */
@SpringBootTest(classes = { DomainTestApplication.class, ImportJobEndingPostgresTests.Config.class },
		properties = { "spring.jpa.hibernate.ddl-auto=validate", "tiercrm.leases.cancel-grace=1s" })
@UsePostgres
@ExtendWith(OutputCaptureExtension.class)
class ImportJobEndingPostgresTests {

	private static final Duration PROMPTLY = Duration.ofSeconds(20);

	/** How soon a worker cut loose is back, well before any lock or socket timeout. */
	private static final Duration FREED = Duration.ofSeconds(5);

	@TempDir
	static Path workDirectory;

	@Autowired
	private ImportManagement imports;

	@Autowired
	private Leases leases;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ThreadPoolTaskExecutor workers;

	@Autowired
	private EndedJobs ended;

	private String prefix;

	private Connection locker;

	private int lockerPid;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
		registry.add("tiercrm.imports.max-file-size", () -> "16MB");
	}

	@BeforeEach
	void setUp() throws SQLException {
		this.prefix = "E" + UUID.randomUUID().toString().substring(0, 8) + "-";
		this.locker = PostgresTestDatabase.connection().open();
		this.locker.setAutoCommit(false);
		try (Statement statement = this.locker.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			this.lockerPid = result.getInt(1);
		}
	}

	@AfterEach
	void release() throws SQLException {
		this.locker.rollback();
		this.locker.close();
		await().atMost(PROMPTLY).until(() -> this.workers.getActiveCount() == 0);
	}

	@Test
	void aWorkerWhoseConnectionIsKilledDuringTheCopyMarksTheJobFailedAtOnce(CapturedOutput output) throws Exception {
		// 100,000 rows: the worker tells its progress every 20,000, in the middle of the
		// COPY, and waits there on the job's row, which the test holds.
		ImportJob job = start(customers(100_000));
		lock("SELECT id FROM import_jobs WHERE id = " + job.id() + " FOR UPDATE");
		long copying = await().atMost(PROMPTLY).until(this::copyingBackend, (pid) -> pid > 0 && waitingOnTheTest());

		this.jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, (int) copying);
		this.locker.rollback();

		ImportJob failed = await().atMost(PROMPTLY)
			.until(() -> this.imports.find(job.id()).orElseThrow(),
					(found) -> found.getStatus() != ImportStatus.RUNNING);
		assertThat(failed.getStatus()).isEqualTo(ImportStatus.FAILED);
		assertThat(failed.getFailureKey()).isEqualTo("import.failure.connectionLost");
		assertThat(this.leases.holds(LeasedTable.IMPORT_JOBS, job.id())).as("lease still renewed").isFalse();
		assertThat(written()).isZero();
		await().atMost(PROMPTLY).until(() -> this.workers.getActiveCount() == 0);
		assertThat(logged(output, "Import job " + job.id() + " lost its database connection")).singleElement()
			.asString()
			.contains(" ERROR ");
		assertThat(logged(output, "Import job " + job.id() + " stopped")).isEmpty();
	}

	@Test
	void aWorkerAskedToStopEndsTheJobCancelledWithoutWriting() throws Exception {
		lock("LOCK TABLE customers IN SHARE MODE");
		ImportJob job = start(customers(1_000));
		await().atMost(PROMPTLY).until(this::waitingOnTheTest);

		assertThat(this.imports.cancel(job.id())).isTrue();
		this.locker.rollback();

		ImportJob cancelled = await().atMost(PROMPTLY)
			.until(() -> this.imports.find(job.id()).orElseThrow(),
					(found) -> found.getStatus() != ImportStatus.RUNNING);
		assertThat(cancelled.getStatus()).isEqualTo(ImportStatus.CANCELLED);
		assertThat(cancelled.getFailureKey()).isEqualTo("import.failure.cancelled");
		assertThat(written()).isZero();
		assertThat(this.imports.cancel(job.id())).as("still running").isFalse();
	}

	@Test
	void aWorkerThatDoesNotAnswerIsCancelledWithoutItAndItsLateWritesAreRefused(CapturedOutput output)
			throws Exception {
		lock("LOCK TABLE customers IN SHARE MODE");
		ImportJob job = start(customers(1_000));
		await().atMost(PROMPTLY).until(this::waitingOnTheTest);

		assertThat(this.imports.cancel(job.id())).isTrue();
		// The worker is stuck in a statement: after the grace period, any instance's
		// sweep cancels the job without it.
		ImportJob cancelled = await().atMost(PROMPTLY).until(() -> {
			this.imports.failExpiredJobs();
			return this.imports.find(job.id()).orElseThrow();
		}, (found) -> found.getStatus() != ImportStatus.RUNNING);
		assertThat(cancelled.getStatus()).isEqualTo(ImportStatus.CANCELLED);
		assertThat(cancelled.getFailureKey()).isEqualTo("import.failure.cancelledUnanswered");

		// The sweep frees the stuck worker: its statement is cancelled and its connection
		// aborted, while the test still holds the lock it waited on.
		await().atMost(FREED).until(() -> this.workers.getActiveCount() == 0);
		assertThat(waitingOnTheTest()).as("the worker's statement still waits").isFalse();
		this.locker.rollback();
		assertThat(written()).isZero();
		ImportJob after = this.imports.find(job.id()).orElseThrow();
		assertThat(after.getStatus()).isEqualTo(ImportStatus.CANCELLED);
		assertThat(after.getFailureKey()).isEqualTo("import.failure.cancelledUnanswered");
		// Told once, by the sweep, as the requester's notification and the metrics need.
		assertThat(this.ended.of(job.id())).singleElement()
			.extracting(ImportFinished::status)
			.isEqualTo(ImportStatus.CANCELLED);
		assertStoppedOnPurpose(output, job);
	}

	@Test
	void aWorkerWhoseJobAnotherInstanceEndedIsFreedAtItsNextRenewal(CapturedOutput output) throws Exception {
		lock("LOCK TABLE customers IN SHARE MODE");
		ImportJob job = start(customers(1_000));
		await().atMost(PROMPTLY).until(this::waitingOnTheTest);

		// Another instance's sweep cancelled the job and took its lease.
		this.jdbc
			.update("UPDATE import_jobs SET status = 'CANCELLED', failure_key = 'import.failure.cancelledUnanswered',"
					+ " finished_at = now(), lease_owner = 'another-instance' WHERE id = ?", job.id());
		assertThat(waitingOnTheTest()).as("the worker is stuck").isTrue();
		this.leases.renew();

		await().atMost(FREED).until(() -> this.workers.getActiveCount() == 0);
		assertThat(waitingOnTheTest()).isFalse();
		this.locker.rollback();
		assertThat(written()).isZero();
		ImportJob after = this.imports.find(job.id()).orElseThrow();
		assertThat(after.getStatus()).isEqualTo(ImportStatus.CANCELLED);
		assertThat(after.getFailureKey()).isEqualTo("import.failure.cancelledUnanswered");
		assertThat(this.ended.of(job.id())).as("told by the instance that ended it").isEmpty();
		assertStoppedOnPurpose(output, job);
	}

	/**
	 * The worker whose connections were aborted on purpose says it was stopped, not that
	 * it lost its connection.
	 */
	private static void assertStoppedOnPurpose(CapturedOutput output, ImportJob job) {
		assertThat(logged(output, "Import job " + job.id() + " stopped: it was ended without its worker"))
			.singleElement()
			.asString()
			.contains(" WARN ");
		assertThat(logged(output, "Import job " + job.id() + " lost its database connection")).isEmpty();
		assertThat(logged(output, "Import job " + job.id() + " failed")).isEmpty();
		assertThat(logged(output, "Import job " + job.id() + " was not marked")).isEmpty();
	}

	private static List<String> logged(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).toList();
	}

	@Test
	void aWorkerStillHoldingItsJobIsNotFreedByARenewal() throws Exception {
		lock("LOCK TABLE customers IN SHARE MODE");
		ImportJob job = start(customers(1_000));
		await().atMost(PROMPTLY).until(this::waitingOnTheTest);

		this.leases.renew();
		assertThat(waitingOnTheTest()).as("the worker is left at its work").isTrue();
		this.locker.rollback();
		ImportJob done = await().atMost(PROMPTLY)
			.until(() -> this.imports.find(job.id()).orElseThrow(),
					(found) -> found.getStatus() != ImportStatus.RUNNING);
		assertThat(done.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(this.ended.of(job.id())).singleElement()
			.extracting(ImportFinished::status)
			.isEqualTo(ImportStatus.SUCCEEDED);
	}

	private ImportJob start(byte[] content) throws IOException {
		ImportJob job = this.imports.start(
				new ImportRequest(ImportKind.CUSTOMERS, "customers.csv", ImportMode.ATOMIC, false, null, "admin"),
				new ByteArrayInputStream(content));
		assertThat(job.getStatus()).isEqualTo(ImportStatus.RUNNING);
		return job;
	}

	private byte[] customers(int rows) {
		StringBuilder csv = new StringBuilder("code,name\n");
		for (int i = 0; i < rows; i++) {
			csv.append(this.prefix).append(i).append(",Name ").append(i).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void lock(String sql) throws SQLException {
		try (Statement statement = this.locker.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Whether a backend waits on the lock the test holds. */
	private boolean waitingOnTheTest() {
		List<Integer> waiting = this.jdbc.queryForList(
				"SELECT pid FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))", Integer.class, this.lockerPid);
		return !waiting.isEmpty();
	}

	private long copyingBackend() {
		List<Integer> pids = this.jdbc.queryForList(
				"SELECT pid FROM pg_stat_activity"
						+ " WHERE datname = current_database() AND query LIKE 'COPY import_customer_stage%'",
				Integer.class);
		return pids.isEmpty() ? 0 : pids.get(0);
	}

	private long written() {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM customers WHERE code LIKE ?", Long.class,
				this.prefix + "%");
		return (count != null) ? count : -1;
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class,
			Leases.class, com.tiercrm.orderfacts.OrderFacts.class })
	static class Config {

		@Bean
		EndedJobs endedJobs() {
			return new EndedJobs();
		}

		@Bean
		ThreadPoolTaskExecutor applicationTaskExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(2);
			executor.setThreadNamePrefix("import-worker-");
			return executor;
		}

	}

	/** The jobs' ends as announced, from whichever thread. */
	static class EndedJobs {

		private final List<ImportFinished> events = new CopyOnWriteArrayList<>();

		@EventListener
		void ended(ImportFinished finished) {
			this.events.add(finished);
		}

		List<ImportFinished> of(long jobId) {
			return this.events.stream().filter((event) -> event.jobId() == jobId).toList();
		}

	}

}
