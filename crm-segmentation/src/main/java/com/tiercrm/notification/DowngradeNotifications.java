package com.tiercrm.notification;

import java.sql.Timestamp;
import java.time.Clock;

import com.tiercrm.tiering.run.RunPublished;
import com.tiercrm.tiering.insight.DashboardProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a run is published, tells each owner how many of their customers it moved to a
 * lower tier than the run before it: one notification per owner, written by one statement
 * for all owners.
 */
@Component
class DowngradeNotifications {

	private static final Log logger = LogFactory.getLog(DowngradeNotifications.class);

	static final String LINK = "/today#downgrades";

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final DashboardProperties dashboard;

	private final Clock clock;

	DowngradeNotifications(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			DashboardProperties dashboard) {
		this.jdbc = jdbc;
		this.dashboard = dashboard;
		// After the publishing transaction committed, its resources are still bound: a
		// transaction of its own, or the insert would join the finished one.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = Clock.systemUTC();
	}

	@TransactionalEventListener
	void notifyOwners(RunPublished published) {
		long started = System.nanoTime();
		Integer written = this.transactions.execute((status) -> this.jdbc.update(
				"insert into notifications (user_id, kind, message_key, arg0, arg1, arg2, link, created_at)"
						+ " select d.owner_id, 'DOWNGRADES', 'notification.downgrades', cast(count(*) as varchar(20)),"
						+ " :asOf, case when count(*) >= :kept then '+' else '' end, :link, :now"
						+ " from run_downgrades d where d.run_id = :run and d.owner_id is not null group by d.owner_id",
				new MapSqlParameterSource("run", published.runId()).addValue("asOf", published.asOf().toString())
					.addValue("kept", this.dashboard.downgradesPerOwner())
					.addValue("link", LINK)
					.addValue("now", Timestamp.from(this.clock.instant()))));
		logger.info("Segmentation run " + published.runId() + ": told " + written
				+ " owners of their customers' downgrades in " + (System.nanoTime() - started) / 1_000_000 + " ms");
	}

}
