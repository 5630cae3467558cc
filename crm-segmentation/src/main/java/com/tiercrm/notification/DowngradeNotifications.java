package com.tiercrm.notification;

import java.sql.Timestamp;
import java.time.Clock;

import com.tiercrm.tiering.run.RunPublished;
import com.tiercrm.tiering.run.TierOrder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

	private final Clock clock;

	DowngradeNotifications(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		// After the publishing transaction committed, its resources are still bound: a
		// transaction of its own, or the insert would join the finished one.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = Clock.systemUTC();
	}

	/**
	 * Before retention may delete the previous run's rows, which the comparison reads.
	 */
	@TransactionalEventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void notifyOwners(RunPublished published) {
		long started = System.nanoTime();
		Integer written = this.transactions.execute((status) -> {
			Long previous = this.jdbc.queryForObject(
					"select max(id) from segmentation_runs where status = 'SUCCEEDED' and id < :run",
					new MapSqlParameterSource("run", published.runId()), Long.class);
			if (previous == null) {
				return 0;
			}
			return this.jdbc.update("insert into notifications (user_id, kind, message_key, arg0, arg1, link,"
					+ " created_at) select c.owner_id, 'DOWNGRADES', 'notification.downgrades',"
					+ " cast(count(*) as varchar(20)), :asOf, :link, :now from customer_segments s"
					+ " join customer_segments p on p.run_id = :previous and p.customer_id = s.customer_id"
					+ " join customers c on c.id = s.customer_id where s.run_id = :run and c.owner_id is not null and "
					+ TierOrder.downgradeCondition("p.tier", "s.tier") + " group by c.owner_id",
					new MapSqlParameterSource("run", published.runId()).addValue("previous", previous)
						.addValue("asOf", published.asOf().toString())
						.addValue("link", LINK)
						.addValue("now", Timestamp.from(this.clock.instant())));
		});
		logger.info("Segmentation run " + published.runId() + ": told " + written
				+ " owners of their customers' downgrades in " + (System.nanoTime() - started) / 1_000_000 + " ms");
	}

}
