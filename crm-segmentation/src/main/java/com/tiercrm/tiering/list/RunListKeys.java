package com.tiercrm.tiering.list;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.tiercrm.bookorder.BookKeys;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.tiering.run.RunPublished;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the run's side of {@code list_keys} (each customer's spend, recency, predicted
 * value, tier, classes and P(alive) in the published run) once a run is published, so
 * that a rep's list sorted by one of them is an index range of the rep's rows. Nearly
 * every row changes with each run (recency and predictions move for everyone), so the
 * rows are written in ranges of customers, each in a short transaction of its own, in the
 * background after the publication: the run's caller does not wait for it, and a
 * reassignment waits at most for one range. Until the last range is written,
 * {@code list_key_state} names an older run and the list reads the run's rows as before.
 */
@Component
public class RunListKeys {

	/** Customers (by id) written per transaction. */
	static final long CHUNK = 20_000;

	/**
	 * How long a range waits for a row another transaction holds (an owner changing)
	 * before it gives way and is written again later: it never holds up a reassignment
	 * for long, and never deadlocks with one.
	 */
	private static final int LOCK_TIMEOUT_MILLIS = 200;

	private static final int ATTEMPTS = 50;

	private static final Log logger = LogFactory.getLog(RunListKeys.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final DatabaseDialect dialect;

	private final boolean benchmark;

	RunListKeys(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, DatabaseDialect dialect,
			@Value("${tiercrm.benchmark.segmentation:false}") boolean benchmark) {
		this.jdbc = jdbc;
		this.executor = executor;
		this.dialect = dialect;
		this.benchmark = benchmark;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Rebuilds the keys in the background once the publication has committed; not in the
	 * run benchmark, whose timing of PostgreSQL's bare aggregate follows the run.
	 */
	@TransactionalEventListener
	void runPublished(RunPublished published) {
		if (!this.benchmark) {
			this.executor.execute(() -> rebuild(published.runId()));
		}
	}

	/**
	 * After an upgrade, a restart during a rebuild or one that failed, the keys are
	 * brought to the published run on start.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		Long published = publishedRunId();
		if (!this.benchmark && published != null && !published.equals(currentRunId())) {
			this.executor.execute(() -> rebuild(published));
		}
	}

	/**
	 * The run whose results the keys hold, if it is the published run.
	 * @return the published run, {@code null} while the keys hold another (or none)
	 */
	public @Nullable Long currentRunId() {
		List<Long> current = this.jdbc.queryForList(
				"select k.run_id from list_key_state k join segmentation_state st on st.id = 1"
						+ " and st.published_run_id = k.run_id where k.id = 1",
				new MapSqlParameterSource(), Long.class);
		return current.isEmpty() ? null : current.getFirst();
	}

	/**
	 * Writes the run's side of the keys from a published run, range by range; stops if
	 * another run is published meanwhile (its own rebuild follows). One rebuild at a time
	 * in this process; between processes each range holds the state's row, so that the
	 * ranges of an older run never follow those of a newer one.
	 * @param runId the published run
	 * @return whether the keys now hold the run
	 */
	public synchronized boolean rebuild(long runId) {
		try {
			return write(runId);
		}
		catch (RuntimeException ex) {
			logger.warn("Segmentation run " + runId + ": list keys not written; the list reads the run's rows", ex);
			return false;
		}
	}

	private boolean write(long runId) {
		long started = System.nanoTime();
		int added = addMissingRows();
		Map<String, Object> bounds = this.jdbc.queryForMap(
				"select min(customer_id) as low, max(customer_id) as high from list_keys", new MapSqlParameterSource());
		if (bounds.get("low") == null) {
			return finish(runId, started, 0, 0);
		}
		long low = ((Number) bounds.get("low")).longValue() - 1;
		long high = ((Number) bounds.get("high")).longValue();
		long[] written = new long[2];
		for (long from = low; from < high; from += CHUNK) {
			MapSqlParameterSource params = new MapSqlParameterSource("run", runId).addValue("from", from)
				.addValue("to", Math.min(from + CHUNK, high));
			if (!writeRange(params, written)) {
				logger.info("Segmentation run " + runId + ": list keys left, another run was published");
				return false;
			}
		}
		boolean done = finish(runId, started, written[0], written[1]);
		if (done && this.dialect.isPostgres()) {
			// Nearly every row was rewritten: until the table is vacuumed its index-only
			// scans read the table as well, and until analyzed the planner takes a tier's
			// range for the whole owner (a rep's tier by spend 690 ms in SQL on 1M
			// customers, 16 ms after; its count 420 ms, 5 ms after). Outside a
			// transaction.
			this.jdbc.getJdbcOperations().execute("vacuum (analyze) list_keys");
		}
		if (done) {
			logger.info("Segmentation run " + runId + ": list keys written in "
					+ (System.nanoTime() - started) / 1_000_000 + " ms (" + added + " rows added, " + written[0]
					+ " rows written, " + written[1] + " not in the run)");
		}
		return done;
	}

	/**
	 * One range of customers in a transaction of its own, tried again when it met a row
	 * that another transaction holds.
	 * @return {@code false} if the run is no longer the published one
	 */
	private boolean writeRange(MapSqlParameterSource params, long[] written) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(this.transactions.execute((status) -> {
					if (!lockStateWhilePublished(params)) {
						return false;
					}
					if (this.dialect.isPostgres()) {
						this.jdbc.getJdbcOperations().execute("set local lock_timeout = " + LOCK_TIMEOUT_MILLIS);
					}
					written[0] += this.jdbc.update("merge into list_keys k using (select s.customer_id, s.monetary,"
							+ " coalesce(s.recency_days, 2147483647) as recency_key, s.clv_predicted, s.tier,"
							+ " s.abc_class, s.rfm_segment, s.clv_class, s.p_alive from customer_segments s"
							+ " where s.run_id = :run and s.customer_id > :from and s.customer_id <= :to) n"
							+ " on (k.customer_id = n.customer_id) when matched and (k.monetary is distinct from"
							+ " n.monetary or k.recency_key is distinct from n.recency_key or k.clv_predicted is"
							+ " distinct from n.clv_predicted or k.tier is distinct from n.tier or k.abc_class is"
							+ " distinct from n.abc_class or k.rfm_segment is distinct from n.rfm_segment"
							+ " or k.clv_class is distinct from n.clv_class or k.p_alive is distinct from n.p_alive)"
							+ " then update set monetary = n.monetary, recency_key = n.recency_key,"
							+ " clv_predicted = n.clv_predicted, tier = n.tier, abc_class = n.abc_class,"
							+ " rfm_segment = n.rfm_segment, clv_class = n.clv_class, p_alive = n.p_alive", params);
					// Customers the run did not tier (added since it read its facts).
					written[1] += this.jdbc.update("update list_keys set monetary = null, recency_key = null,"
							+ " clv_predicted = null, tier = null, abc_class = null, rfm_segment = null,"
							+ " clv_class = null, p_alive = null where customer_id > :from and customer_id <= :to and monetary is not null and not exists (select 1 from"
							+ " customer_segments s where s.run_id = :run and s.customer_id = list_keys.customer_id)",
							params);
					return true;
				}));
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				pause(attempt);
			}
		}
	}

	private boolean finish(long runId, long started, long rows, long untiered) {
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId).addValue("from", 0).addValue("to", 0);
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!lockStateWhilePublished(params)) {
				return false;
			}
			this.jdbc.update(
					"update list_key_state set run_id = :run, rebuilt_at = :at, rebuild_millis = :millis"
							+ " where id = 1",
					params.addValue("at", Timestamp.from(Instant.now()))
						.addValue("millis", (System.nanoTime() - started) / 1_000_000));
			return true;
		}));
	}

	/**
	 * Locks the state's row until the transaction ends and tells whether the run is still
	 * the published one; until the rebuild is done the state names another run.
	 */
	private boolean lockStateWhilePublished(MapSqlParameterSource params) {
		this.jdbc.queryForList("select run_id from list_key_state where id = 1 for update", params, Long.class);
		Long published = publishedRunId();
		return published != null && published.equals(params.getValue("run"));
	}

	private @Nullable Long publishedRunId() {
		List<Long> published = this.jdbc.queryForList("select published_run_id from segmentation_state where id = 1",
				new MapSqlParameterSource(), Long.class);
		return published.isEmpty() ? null : published.getFirst();
	}

	/** Rows for customers a loader wrote without them. */
	private int addMissingRows() {
		Integer added = this.transactions
			.execute((status) -> BookKeys.addMissingListKeys(this.jdbc.getJdbcOperations()));
		return (added != null) ? added : 0;
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(Math.min(50L * attempt, 1000L));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing the list keys", ex);
		}
	}

}
