package com.tiercrm.tiering.run;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the per-customer rows of the last {@code tiercrm.segmentation.retained-runs}
 * succeeded runs: each published run makes the oldest beyond them go. Their aggregates
 * stay.
 */
@Component
class RunRetention {

	private final SegmentationRunRepository runs;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SegmentationProperties properties;

	RunRetention(SegmentationRunRepository runs, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			SegmentationProperties properties) {
		this.runs = runs;
		this.jdbc = jdbc;
		// After the publishing transaction committed, its resources are still bound: a
		// transaction of its own, or the deletes would join the finished one.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	@TransactionalEventListener
	void deleteOldRuns(RunPublished published) {
		List<SegmentationRun> succeeded = this.runs.findByStatusOrderByIdDesc(RunStatus.SUCCEEDED);
		for (SegmentationRun old : succeeded.subList(Math.min(succeeded.size(), this.properties.retainedRuns()),
				succeeded.size())) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.update("delete from customer_segments where run_id = ?", old.getId());
			});
		}
	}

}
