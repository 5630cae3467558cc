package com.tiercrm.tiering.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import com.tiercrm.database.DatabaseDialect;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the per-customer rows of the last {@code tiercrm.segmentation.retained-runs}
 * succeeded runs: each published run makes the oldest beyond them go, on PostgreSQL by
 * dropping their partitions ({@link RunPartitions}). Their aggregates stay.
 */
@Component
class RunRetention {

	private static final Log logger = LogFactory.getLog(RunRetention.class);

	private final SegmentationRunRepository runs;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SegmentationProperties properties;

	private final DatabaseDialect dialect;

	RunRetention(SegmentationRunRepository runs, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			SegmentationProperties properties, DatabaseDialect dialect) {
		this.runs = runs;
		this.jdbc = jdbc;
		// After the publishing transaction committed, its resources are still bound: a
		// transaction of its own, or the deletes would join the finished one.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
		this.dialect = dialect;
	}

	@TransactionalEventListener
	void deleteOldRuns(RunPublished published) {
		List<SegmentationRun> succeeded = this.runs.findByStatusOrderByIdDesc(RunStatus.SUCCEEDED);
		List<Long> old = succeeded.subList(Math.min(succeeded.size(), this.properties.retainedRuns()), succeeded.size())
			.stream()
			.map(SegmentationRun::getId)
			.toList();
		if (this.dialect.isPostgres()) {
			dropPartitions(old);
			return;
		}
		for (long runId : old) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("delete from customer_segments where run_id = ?", runId);
				this.jdbc.update("delete from customer_model_results where run_id = ?", runId);
			});
		}
	}

	/**
	 * On a connection of its own, outside the finished transaction still bound to this
	 * thread: detaching concurrently needs autocommit.
	 */
	private void dropPartitions(List<Long> runIds) {
		DataSource dataSource = Objects.requireNonNull(this.jdbc.getDataSource());
		long started = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			List<Long> dropped = RunPartitions.CUSTOMER_SEGMENTS.drop(connection, runIds);
			RunPartitions.MODEL_RESULTS.drop(connection, runIds);
			if (!dropped.isEmpty()) {
				logger.info("Dropped the partitions of runs " + dropped + " in "
						+ SegmentationEngine.millis(started, System.nanoTime()) + " ms");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop the partitions of runs " + runIds, ex);
		}
	}

}
