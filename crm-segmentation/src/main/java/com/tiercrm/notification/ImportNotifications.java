package com.tiercrm.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;

import com.tiercrm.imports.ImportFinished;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells whoever started an import job how it ended: done, rejected, failed or cancelled.
 */
@Component
class ImportNotifications {

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ImportNotifications(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = Clock.systemUTC();
	}

	/**
	 * After the job's end is stored; the job says who started it.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void notifyRequester(ImportFinished job) {
		String key = (job.dryRun() ? "notification.importCheck." : "notification.import.") + job.status().name();
		this.transactions.executeWithoutResult((status) -> this.jdbc.update(
				"insert into notifications (user_id, kind, message_key, arg0, arg1, link, created_at)"
						+ " select u.id, 'IMPORT', :key, j.file_name, :kind, :link, :now from import_jobs j"
						+ " join users u on u.username = j.requested_by where j.id = :job",
				new MapSqlParameterSource("job", job.jobId()).addValue("key", key)
					.addValue("kind", "#{import.kind." + job.kind().name().toLowerCase(Locale.ROOT) + "}")
					.addValue("link", "/imports/" + job.jobId())
					.addValue("now", Timestamp.from(this.clock.instant()))));
	}

}
