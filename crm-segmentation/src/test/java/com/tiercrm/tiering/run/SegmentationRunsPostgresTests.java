package com.tiercrm.tiering.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

import com.tiercrm.testing.PostgresTestDatabase;
import com.tiercrm.testing.UsePostgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "spring.jpa.hibernate.ddl-auto=validate", "tiercrm.leases.cancel-grace=2s" })
@UsePostgres
@ExtendWith(OutputCaptureExtension.class)
class SegmentationRunsPostgresTests extends SegmentationRunsTests {

	private static final Duration PROMPTLY = Duration.ofSeconds(20);

	@Autowired
	FailingPublication failing;

	@Autowired
	ThreadPoolTaskExecutor workers;

	@AfterEach
	void publishAgain() {
		this.failing.armed = false;
		this.failing.during = null;
	}

	@Test
	void aRunWritesItsRowsIntoAnIndexedPartitionOfItsOwn() {
		SegmentationRun run = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));

		String partition = "customer_segments_r" + run.getId();
		assertThat(partitions()).containsExactly(partition);
		assertThat(this.jdbc.queryForObject("select count(*) from " + partition, Long.class)).isEqualTo(12);
		// Each of the parent's indexes adopted the partition's own, and attaching built
		// none.
		List<String> parentIndexes = this.jdbc.queryForList(
				"select indexrelid::regclass::text from pg_index where indrelid = 'customer_segments'::regclass",
				String.class);
		assertThat(parentIndexes).hasSize(3);
		assertThat(this.jdbc.queryForList(
				"select p.inhparent::regclass::text from pg_index x"
						+ " join pg_inherits p on p.inhrelid = x.indexrelid where x.indrelid = ?::regclass",
				String.class, partition))
			.containsExactlyInAnyOrderElementsOf(parentIndexes);
		assertThat(
				this.jdbc.queryForList("select indexrelid::regclass::text from pg_index where indrelid = ?::regclass",
						String.class, partition))
			.containsExactlyInAnyOrder(partition + "_pkey", partition + "_tier_monetary", partition + "_clv");
		assertThat(this.jdbc.queryForObject("select reltuples from pg_class where oid = ?::regclass", Double.class,
				partition))
			.as("analysed")
			.isEqualTo(12);
	}

	@Test
	void retentionDropsThePartitionsOfOldRuns() {
		SegmentationRun first = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		SegmentationRun second = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		RunRetention keepOne = new RunRetention(this.runRepository, this.jdbc, this.transactionManager,
				new SegmentationProperties(TestData.ZONE, "-", 1, 1000, Duration.ofMinutes(5)), this.dialect);

		keepOne.deleteOldRuns(new RunPublished(second.getId(), AS_OF, 12));

		assertThat(partitions()).containsExactly("customer_segments_r" + second.getId());
		assertThat(this.jdbc.queryForObject("select to_regclass(?)::text", String.class,
				"customer_segments_r" + first.getId()))
			.isNull();
		// Nothing left to drop the next time.
		keepOne.deleteOldRuns(new RunPublished(second.getId(), AS_OF, 12));
		assertThat(partitions()).containsExactly("customer_segments_r" + second.getId());
	}

	@Test
	void aRunThatFailsAfterAttachingItsPartitionLeavesNone() {
		SegmentationRun good = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		this.failing.armed = true;

		SegmentationRun failed = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));

		assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
		assertThat(this.failing.attached).containsExactly("customer_segments_r" + failed.getId());
		assertThat(partitions()).containsExactly("customer_segments_r" + good.getId());
		assertThat(this.jdbc.queryForObject("select to_regclass(?)::text", String.class,
				"customer_segments_r" + failed.getId()))
			.isNull();
		assertThat(this.runs.published()).map(SegmentationRun::getId).contains(good.getId());
	}

	@Test
	void readersOfThePublishedRunAreNotBlockedWhileARunAttachesItsPartition() throws SQLException {
		SegmentationRun published = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		long customer = customerId("K01");
		List<Long> read = new ArrayList<>();
		// Inside the next run's transaction, its partition attached: other connections
		// read the published run, also where the run is known only at execution.
		this.failing.during = (runId) -> {
			try (Connection reader = PostgresTestDatabase.connection().open();
					Statement statement = reader.createStatement()) {
				statement.execute("set lock_timeout = '5s'");
				read.add(
						count(statement, "select count(*) from customer_segments where run_id = " + published.getId()));
				read.add(count(statement, "select count(*) from segmentation_state st join customer_segments s"
						+ " on s.run_id = st.published_run_id where st.id = 1 and s.customer_id = " + customer));
				read.add(count(statement, "select count(*) from segmentation_runs r join customer_segments s"
						+ " on s.run_id = r.id where s.customer_id = " + customer));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		};

		SegmentationRun next = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));

		assertThat(next.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(read).containsExactly(12L, 1L, 1L);
	}

	@Test
	void aRunAskedToStopEndsCancelledAndChangesNothing() throws SQLException {
		SegmentationRun published = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		try (Connection locker = holdCustomers()) {
			long runId = this.runs.start(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
			await().atMost(PROMPTLY).until(() -> waitingOn(locker));

			assertThat(this.runs.cancel(runId)).isTrue();
			locker.rollback();

			SegmentationRun cancelled = await().atMost(PROMPTLY)
				.until(() -> this.runs.find(runId).orElseThrow(), (run) -> run.getStatus() != RunStatus.RUNNING);
			assertThat(cancelled.getStatus()).isEqualTo(RunStatus.CANCELLED);
			assertThat(cancelled.getFailureCode()).isEqualTo("runs.failure.cancelled");
			assertThat(cancelled.getFinishedAt()).isNotNull();
			assertNothingWrittenBy(runId, published.getId());
		}
	}

	@Test
	void aRunThatDoesNotAnswerIsCancelledWithoutItAndCannotPublishAfterwards(CapturedOutput output)
			throws SQLException {
		SegmentationRun published = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		try (Connection locker = holdCustomers()) {
			long runId = this.runs.start(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
			await().atMost(PROMPTLY).until(() -> waitingOn(locker));

			assertThat(this.runs.cancel(runId)).isTrue();
			SegmentationRun cancelled = await().atMost(PROMPTLY).until(() -> {
				this.runs.recoverExpiredRuns();
				return this.runs.find(runId).orElseThrow();
			}, (run) -> run.getStatus() != RunStatus.RUNNING);
			assertThat(cancelled.getStatus()).isEqualTo(RunStatus.CANCELLED);
			assertThat(cancelled.getFailureCode()).isEqualTo("runs.failure.cancelledUnanswered");
			assertThat(this.jdbc.queryForObject("select running_run_id from segmentation_state", Long.class)).isNull();

			// The sweep frees the stuck worker at once, while the lock is still held: its
			// statement is cancelled and its connection aborted.
			await().atMost(Duration.ofSeconds(5)).until(() -> this.workers.getActiveCount() == 0);
			assertThat(waitingOn(locker)).as("the worker's statement still waits").isFalse();
			locker.rollback();
			assertThat(this.runs.find(runId).orElseThrow().getFailureCode())
				.isEqualTo("runs.failure.cancelledUnanswered");
			assertNothingWrittenBy(runId, published.getId());
			// Told once, by the sweep, for the metrics.
			assertThat(this.failing.finished.stream().filter((run) -> run.runId() == runId).toList()).singleElement()
				.extracting(RunFinished::status)
				.isEqualTo(RunStatus.CANCELLED);
			// Its connections were aborted on purpose: it says it was stopped, not that
			// it lost its connection.
			assertThat(logged(output, "Segmentation run " + runId + " stopped: it was ended without its worker"))
				.singleElement()
				.asString()
				.contains(" WARN ");
			assertThat(logged(output, "Segmentation run " + runId + " lost its database connection")).isEmpty();
			assertThat(logged(output, "Segmentation run " + runId + " failed")).isEmpty();
		}
	}

	@Test
	void aRunWhoseConnectionIsKilledFailsAtErrorLevel(CapturedOutput output) throws SQLException {
		try (Connection locker = holdCustomers()) {
			long runId = this.runs.start(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
			await().atMost(PROMPTLY).until(() -> waitingOn(locker));
			int pid = locker.unwrap(PGConnection.class).getBackendPID();
			this.jdbc.queryForList(
					"select pg_terminate_backend(pid) from pg_stat_activity" + " where ? = any(pg_blocking_pids(pid))",
					Boolean.class, pid);
			locker.rollback();

			SegmentationRun failed = await().atMost(PROMPTLY)
				.until(() -> this.runs.find(runId).orElseThrow(), (run) -> run.getStatus() != RunStatus.RUNNING);
			assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
			await().atMost(PROMPTLY).until(() -> this.workers.getActiveCount() == 0);
			// Said at ERROR, as "lost its database connection" or, when the failed
			// rollback hides the cause, "failed"; never as stopped on purpose.
			List<String> said = new ArrayList<>(logged(output, "Segmentation run " + runId + " lost its database"));
			said.addAll(logged(output, "Segmentation run " + runId + " failed"));
			assertThat(said).singleElement().asString().contains(" ERROR ");
			assertThat(logged(output, "Segmentation run " + runId + " stopped")).isEmpty();
		}
	}

	private static List<String> logged(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).toList();
	}

	private void assertNothingWrittenBy(long runId, long publishedBefore) {
		assertThat(this.runs.published()).map(SegmentationRun::getId).contains(publishedBefore);
		assertThat(
				this.jdbc.queryForObject("select count(*) from customer_segments where run_id = ?", Long.class, runId))
			.isZero();
		assertThat(this.jdbc.queryForObject("select to_regclass(?)::text", String.class, "customer_segments_r" + runId))
			.isNull();
		assertThat(this.jdbc.queryForObject("select running_run_id from segmentation_state", Long.class)).isNull();
		assertThat(this.runs.cancel(runId)).as("still running").isFalse();
	}

	/**
	 * A connection of the test's own that keeps every run from reading its facts: the run
	 * waits on its first statement, holding one connection of the small test pool.
	 */
	private static Connection holdCustomers() throws SQLException {
		Connection locker = PostgresTestDatabase.connection().open();
		locker.setAutoCommit(false);
		try (Statement statement = locker.createStatement()) {
			statement.execute("lock table customers in access exclusive mode");
		}
		return locker;
	}

	/** Whether a backend waits on a lock of the connection. */
	private boolean waitingOn(Connection locker) throws SQLException {
		int pid = locker.unwrap(PGConnection.class).getBackendPID();
		return !this.jdbc
			.queryForList("select pid from pg_stat_activity where ? = any(pg_blocking_pids(pid))", Integer.class, pid)
			.isEmpty();
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private List<String> partitions() {
		return this.jdbc.queryForList("select inhrelid::regclass::text from pg_inherits"
				+ " where inhparent = 'customer_segments'::regclass order by 1", String.class);
	}

	/**
	 * Acts inside a run's transaction once its partition is attached and, when armed,
	 * fails the run there.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class FailingPublication {

		private final JdbcTemplate jdbc;

		volatile boolean armed;

		volatile List<String> attached = List.of();

		volatile @Nullable LongConsumer during;

		final List<RunFinished> finished = new CopyOnWriteArrayList<>();

		FailingPublication(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@EventListener
		void finished(RunFinished run) {
			this.finished.add(run);
		}

		@EventListener
		void fail(RunPublished published) {
			LongConsumer action = this.during;
			if (action != null) {
				action.accept(published.runId());
			}
			if (this.armed) {
				this.attached = this.jdbc.queryForList(
						"select inhrelid::regclass::text from pg_inherits"
								+ " where inhparent = 'customer_segments'::regclass and inhrelid = to_regclass(?)",
						String.class, "customer_segments_r" + published.runId());
				throw new IllegalStateException("failing run " + published.runId() + " on purpose");
			}
		}

	}

}
