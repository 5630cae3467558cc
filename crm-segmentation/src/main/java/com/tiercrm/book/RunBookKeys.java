package com.tiercrm.book;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.tiercrm.bookorder.BookKeys;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.tiering.insight.DashboardProperties;
import com.tiercrm.tiering.run.RunPublished;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the run's side of {@code book_keys} (each customer's tier, its rank, and whether
 * P(alive) fell below the churn threshold) once a run is published, with set-based
 * statements that write only the rows that change; until it is done the book and Today
 * read as before, from the run's rows ({@link #state()}).
 * <p>
 * A run of {@code tiercrm.book.background-from} customers or more (100,000 unless set) is
 * followed in the background, one rebuild at a time, so that the thread that ran it is
 * done once the run is published: at a million customers the rebuild compares a million
 * rows with the previous run's and takes seconds. Smaller runs are followed at once.
 */
@Component
public class RunBookKeys implements DisposableBean {

	private static final Log logger = LogFactory.getLog(RunBookKeys.class);

	/** Rows added at once above which PostgreSQL's statistics of the keys are renewed. */
	private static final int ANALYZE_AFTER = 10_000;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final DashboardProperties dashboard;

	private final DatabaseDialect dialect;

	private final Clock clock = Clock.systemUTC();

	private final int backgroundFrom;

	private final ThreadPoolTaskExecutor background = new ThreadPoolTaskExecutor();

	RunBookKeys(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			DashboardProperties dashboard, DatabaseDialect dialect,
			@Value("${tiercrm.book.background-from:100000}") int backgroundFrom) {
		this.jdbc = jdbc;
		this.dashboard = dashboard;
		this.dialect = dialect;
		this.backgroundFrom = backgroundFrom;
		this.background.setCorePoolSize(1);
		this.background.setMaxPoolSize(1);
		this.background.setThreadNamePrefix("book-keys-");
		// A process that ends when its work is done (the run benchmark) is not held
		// open by an idle rebuild thread; a rebuild cut short rolls back.
		this.background.setDaemon(true);
		this.background.initialize();
		// After the publishing transaction committed, its resources are still bound: a
		// transaction of its own.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener
	void runPublished(RunPublished published) {
		if (published.customers() < this.backgroundFrom) {
			rebuild(published.runId());
			return;
		}
		this.background.execute(() -> {
			try {
				tidyAfter(rebuild(published.runId()));
			}
			catch (RuntimeException ex) {
				logger.warn("Segmentation run " + published.runId() + ": book keys not written; the book reads the"
						+ " run's rows until the next run or start", ex);
			}
		});
	}

	@Override
	public void destroy() {
		// A rebuild cut short rolls back; the next start catches up.
		this.background.shutdown();
	}

	/**
	 * After an upgrade or a rebuild that did not finish, the keys are brought to the
	 * published run on start.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		State state = state();
		if (state.publishedRunId() != null && !state.current()) {
			tidyAfter(rebuild(state.publishedRunId()));
		}
	}

	/**
	 * After many rows were written, PostgreSQL's keys are vacuumed and analysed, outside
	 * any transaction: until then their index-only scans read the table as well. After
	 * the first fill of a generated million customers (a million rows added, then a
	 * million tiers written) a rep's Today took 380 ms at p95 at 8 clients, 80 ms once
	 * vacuumed (3.5 s).
	 */
	private void tidyAfter(long rowsWritten) {
		if (rowsWritten > ANALYZE_AFTER * 10L && this.dialect.isPostgres()) {
			this.jdbc.getJdbcOperations().execute("vacuum (analyze) book_keys");
		}
	}

	/**
	 * Where the keys stand against the published run.
	 * @return the state
	 */
	public State state() {
		return this.jdbc.queryForObject(
				"select k.run_id, k.previous_run_id, k.churn_threshold, st.published_run_id from book_key_state k"
						+ " cross join segmentation_state st where k.id = 1 and st.id = 1",
				new MapSqlParameterSource(), (rs, row) -> new State(rs.getObject(1, Long.class),
						rs.getObject(2, Long.class), rs.getObject(3, Double.class), rs.getObject(4, Long.class)));
	}

	/**
	 * Writes the run's side of the keys from a published run; does nothing if another run
	 * was published meanwhile (its own rebuild follows).
	 * @param runId the published run
	 * @return the rows added or changed, 0 if another run was published meanwhile
	 */
	public long rebuild(long runId) {
		long started = System.nanoTime();
		int added = addMissingRows();
		long rowsAdded = System.nanoTime();
		List<Long> compared = this.jdbc.queryForList("select previous_run_id from run_aggregates where run_id = :run",
				new MapSqlParameterSource("run", runId), Long.class);
		Long previous = compared.isEmpty() ? null : compared.getFirst();
		double threshold = this.dashboard.churnThreshold();
		MapSqlParameterSource params = new MapSqlParameterSource("run", runId).addValue("previous", previous)
			.addValue("threshold", threshold)
			.addValue("noRank", BookKeys.NO_RANK);
		long[] written = new long[2];
		Boolean done = this.transactions.execute((status) -> {
			if (!published(runId, "")) {
				return false;
			}
			written[0] = this.jdbc.update("merge into book_keys k using (select s.customer_id, s.tier,"
					+ " coalesce(t.rank_order, :noRank) as rank_order, case when s.p_alive < :threshold"
					+ " and p.p_alive >= :threshold then s.clv_predicted end as fell_clv from customer_segments s"
					+ " left join tiers t on t.code = s.tier left join customer_segments p on p.run_id = :previous"
					+ " and p.customer_id = s.customer_id where s.run_id = :run) n on (k.customer_id = n.customer_id)"
					+ " when matched and (k.tier is distinct from n.tier or k.rank_order <> n.rank_order"
					+ " or k.fell_clv is distinct from n.fell_clv) then update set tier = n.tier,"
					+ " rank_order = n.rank_order, fell_clv = n.fell_clv", params);
			// Customers the run did not tier (added since it read its facts).
			written[1] = this.jdbc.update(
					"update book_keys set tier = null, rank_order = :noRank, fell_clv = null"
							+ " where (tier is not null or fell_clv is not null) and not exists (select 1 from"
							+ " customer_segments s where s.run_id = :run and s.customer_id = book_keys.customer_id)",
					params);
			// The published run checked again under its lock, once the keys are written:
			// had another been published meanwhile, this rolls back and that one's
			// rebuild follows. Locked last, as a reassignment does (its customers' keys,
			// then the publication), so that the two never wait for each other in a
			// circle.
			if (!published(runId, " for update")) {
				status.setRollbackOnly();
				return false;
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			this.jdbc.update(
					"update book_key_state set run_id = :run, previous_run_id = :previous,"
							+ " churn_threshold = :threshold, rebuilt_at = :at, rebuild_millis = :millis where id = 1",
					params.addValue("at", Timestamp.from(Instant.now(this.clock))).addValue("millis", millis));
			return true;
		});
		if (!Boolean.TRUE.equals(done)) {
			return 0;
		}
		logger.info("Segmentation run " + runId + ": book keys written in " + (System.nanoTime() - started) / 1_000_000
				+ " ms (" + added + " rows added in " + (rowsAdded - started) / 1_000_000 + " ms, " + written[0]
				+ " tiers changed, " + written[1] + " untiered)");
		return added + written[0] + written[1];
	}

	private boolean published(long runId, String lock) {
		List<Long> published = this.jdbc.queryForList(
				"select published_run_id from segmentation_state where id = 1" + lock, new MapSqlParameterSource(),
				Long.class);
		return !published.isEmpty() && published.getFirst() != null && published.getFirst() == runId;
	}

	/**
	 * Rows for customers a loader wrote without them; a customer created meanwhile may
	 * add its own row first, and then this is tried again.
	 */
	private int addMissingRows() {
		for (int attempt = 1;; attempt++) {
			try {
				Integer added = this.transactions
					.execute((status) -> BookKeys.addMissing(this.jdbc.getJdbcOperations()));
				if (added != null && added > ANALYZE_AFTER && this.dialect.isPostgres()) {
					// A loader's million customers would otherwise be merged below with
					// the
					// plan of an empty table.
					this.jdbc.getJdbcOperations().execute("ANALYZE book_keys");
				}
				return (added != null) ? added : 0;
			}
			catch (DuplicateKeyException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Where the keys stand.
	 *
	 * @param runId the run whose tiers the keys hold, {@code null} before the first
	 * @param previousRunId the run it was compared with for P(alive)
	 * @param churnThreshold the threshold it was compared at
	 * @param publishedRunId the published run
	 */
	public record State(@Nullable Long runId, @Nullable Long previousRunId, @Nullable Double churnThreshold,
			@Nullable Long publishedRunId) {

		/**
		 * Whether the keys hold the published run's tiers.
		 * @return {@code true} if the book may read them
		 */
		public boolean current() {
			return this.runId != null && this.runId.equals(this.publishedRunId);
		}

	}

}
