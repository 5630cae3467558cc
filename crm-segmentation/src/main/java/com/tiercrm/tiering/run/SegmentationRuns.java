package com.tiercrm.tiering.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.tiercrm.database.ConnectionLoss;
import com.tiercrm.lease.LeaseLostException;
import com.tiercrm.lease.LeasedTable;
import com.tiercrm.lease.Leases;
import com.tiercrm.lease.WorkCancelledException;
import com.tiercrm.tiering.config.SegmentationConfig;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.insight.DashboardProperties;
import com.tiercrm.tiering.insight.OwnerFigures;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.CustomerFacts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import static com.tiercrm.tiering.run.SegmentWriter.finite;
import static com.tiercrm.tiering.run.SegmentationEngine.millis;

/**
 * Starts, executes and publishes segmentation runs, one at a time. A run reads facts,
 * applies the models, writes its results and switches the published run in the same
 * transaction, so users see either the old tiers or the complete new ones, never a
 * half-written run. What follows a publication, such as retention, listens for
 * {@link RunPublished}.
 */
@NamedInterface("run")
@Service
public class SegmentationRuns {

	private static final Log logger = LogFactory.getLog(SegmentationRuns.class);

	private final SegmentationRunRepository runs;

	private final SegmentationConfigs configs;

	private final FactsReader facts;

	private final SegmentWriter writer;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate readOnly;

	private final TaskExecutor executor;

	private final SegmentationProperties properties;

	private final RunAggregator aggregator;

	private final DashboardProperties dashboard;

	private final ApplicationEventPublisher events;

	private final TierModels models;

	private final Leases leases;

	SegmentationRuns(SegmentationRunRepository runs, SegmentationConfigs configs, FactsReader facts,
			SegmentWriter writer, JdbcTemplate jdbc, TransactionTemplate transactions,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, SegmentationProperties properties,
			RunAggregator aggregator, DashboardProperties dashboard, ApplicationEventPublisher events,
			TierModels models, Leases leases) {
		this.models = models;
		this.leases = leases;
		this.events = events;
		this.aggregator = aggregator;
		this.dashboard = dashboard;
		this.runs = runs;
		this.configs = configs;
		this.facts = facts;
		this.writer = writer;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.executor = executor;
		this.properties = properties;
	}

	/**
	 * Starts a run in the background and returns its id at once.
	 * @throws RunInProgressException when another run holds the lock
	 */
	public long start(RunRequest request) {
		PreparedRun prepared = prepare(request);
		this.executor.execute(() -> execute(prepared));
		return prepared.runId();
	}

	/**
	 * Runs to completion in the caller's thread (for the scheduler and the benchmark) and
	 * returns the run.
	 */
	public SegmentationRun runNow(RunRequest request) {
		long started = System.nanoTime();
		PreparedRun prepared = prepare(request);
		logger
			.info("Segmentation run " + prepared.runId() + " started in " + millis(started, System.nanoTime()) + " ms");
		execute(prepared);
		return this.runs.findById(prepared.runId()).orElseThrow();
	}

	/**
	 * Asks a running run to stop: it publishes nothing and ends as cancelled. Its worker
	 * stops at its next step; one that has not stopped within
	 * {@code tiercrm.leases.cancel-grace} (stuck on a lost connection, say) is cancelled
	 * without it, and its publication is refused.
	 * @return whether the run was running
	 */
	public boolean cancel(long runId) {
		return this.leases.requestCancel(LeasedTable.SEGMENTATION_RUNS, runId);
	}

	public Optional<SegmentationRun> find(long runId) {
		return this.runs.findById(runId);
	}

	public List<SegmentationRun> recent() {
		return this.runs.findTop50ByOrderByIdDesc();
	}

	/**
	 * The run whose results are the current tiers, if any run has succeeded yet.
	 */
	public Optional<SegmentationRun> published() {
		Long id = publishedRunId();
		return (id != null) ? this.runs.findById(id) : Optional.empty();
	}

	@Nullable Long publishedRunId() {
		return publishedRunId(this.jdbc);
	}

	/** The published run, or {@code null} before the first. */
	public static @Nullable Long publishedRunId(JdbcOperations jdbc) {
		return jdbc.queryForObject("select published_run_id from segmentation_state where id = 1", Long.class);
	}

	private PreparedRun prepare(RunRequest request) {
		SegmentationConfig config = this.configs.current();
		SegmentationSettings settings = config.settings();
		if (request.timeUnit() != null) {
			settings = settings.withClv(settings.clv().withTimeUnit(request.timeUnit()));
		}
		LocalDate asOf = (request.asOf() != null) ? request.asOf() : LocalDate.now(this.properties.zone());
		SegmentationSettings effective = settings;
		Long runId = this.transactions.execute((status) -> {
			SegmentationRun run = this.runs
				.save(new SegmentationRun(asOf, config.getId(), request.trigger(), request.requestedBy()));
			int locked = this.jdbc.update(
					"update segmentation_state set running_run_id = ? where id = 1 and running_run_id is null",
					run.getId());
			if (locked == 0) {
				status.setRollbackOnly();
				return null;
			}
			// In the transaction that makes the run: no other instance ever sees it
			// running without a lease.
			this.leases.hold(LeasedTable.SEGMENTATION_RUNS, run.getId());
			return run.getId();
		});
		if (runId == null) {
			Long running = this.jdbc.queryForObject("select running_run_id from segmentation_state where id = 1",
					Long.class);
			throw new RunInProgressException((running != null) ? running : -1);
		}
		return new PreparedRun(runId, asOf, config.getId(), effective, request.trigger());
	}

	private void execute(PreparedRun prepared) {
		long started = System.nanoTime();
		Leases.Work work = this.leases.working(LeasedTable.SEGMENTATION_RUNS, prepared.runId());
		try {
			long[] factsDone = new long[1];
			PreviousTiers previous = previousTiers();
			long previousRead = System.nanoTime();
			TierOrder order = tierOrder();
			// The facts are not kept in a local: once the models have run, they can be
			// collected.
			Segmentation segmentation = new SegmentationEngine(this.models, order).apply(readFacts(prepared, factsDone),
					prepared.settings(), previous, prepared.asOf());
			long modelsDone = System.nanoTime();
			this.leases.checkNotCancelled(LeasedTable.SEGMENTATION_RUNS, prepared.runId());
			// Every figure the dashboard shows is computed here, in memory, once; then
			// the previous tiers can be collected.
			Long previousConfigId = (previous.runId() != null)
					? this.runs.findById(previous.runId()).map(SegmentationRun::getConfigId).orElse(null) : null;
			RunChanges changes = previous
				.changesTo(segmentation, order,
						ChurnRule
							.of(this.models.tierModel(prepared.settings()), prepared.settings(), order,
									this.dashboard.churnThreshold())
							.between(previousConfigId, prepared.configId()))
				.orElse(null);
			// Each customer's tier in the previous run, for the figures per owner.
			String[] previousTiers = (changes != null) ? previous.tiersOf(segmentation.customerIds) : null;
			previous = null;
			long changesDone = System.nanoTime();
			long[] reporting = new long[1];
			long[] publishing = new long[1];
			this.transactions.executeWithoutResult((status) -> {
				// Publishes only while the run is still this instance's and nobody asked
				// it to stop; the run's row stays locked until the publication commits.
				this.leases.confirmNotCancelled(LeasedTable.SEGMENTATION_RUNS, prepared.runId());
				long writeStarted = System.nanoTime();
				// While this connection writes the run's rows, another reads the
				// satisfaction scores and the owners (once the publication is held, so
				// that no reassignment is missed) and everything the dashboard shows is
				// added up in memory.
				this.aggregator.holdPublication();
				CompletableFuture<Aggregates> aggregates = CompletableFuture.supplyAsync(
						() -> this.readOnly
							.execute((readOnly) -> aggregates(prepared, segmentation, changes, previousTiers)),
						this.executor);
				try {
					this.writer.write(prepared.runId(), segmentation);
					for (TierModel model : this.models.all()) {
						ModelResults applied = segmentation.results().get(model.code());
						if (applied != null) {
							model.published(prepared.runId(), applied);
						}
					}
				}
				catch (RuntimeException ex) {
					aggregates.cancel(false);
					throw ex;
				}
				long written = System.nanoTime();
				Aggregates computed = join(aggregates);
				long joined = System.nanoTime();
				// Stored in the transaction that publishes the run.
				this.aggregator.store(prepared.runId(), computed.figures());
				long ownersMillis = this.aggregator.storeOwnerFigures(prepared.runId(), computed.owners());
				long stored = System.nanoTime();
				logger.info("Segmentation run " + prepared.runId() + " aggregates computed beside the write in "
						+ (computed.satisfactionMillis() + computed.figuresMillis() + computed.ownerMillis())
						+ " ms (satisfaction read in " + computed.satisfactionMillis() + " ms, figures "
						+ computed.figuresMillis() + " ms, owners read and added up in " + computed.ownerMillis()
						+ " ms), waited for " + millis(written, joined) + " ms and stored in " + millis(joined, stored)
						+ " ms (per-owner figures " + ownersMillis + " ms)");
				reporting[0] = System.nanoTime();
				RunReport report = report(prepared, segmentation,
						new RunReport.Timings(millis(previousRead, factsDone[0]),
								segmentation.millis(AbcTierModel.CODE) + segmentation.millis(RfmTierModel.CODE),
								segmentation.clv().fitMillis, segmentation.clv().scoreMillis,
								millis(writeStarted, written), millis(started, System.nanoTime()),
								millis(started, previousRead), millis(factsDone[0], modelsDone),
								millis(modelsDone, changesDone), computed.satisfactionMillis(),
								computed.figuresMillis(), millis(written, stored), computed.ownerMillis(),
								millis(changesDone, writeStarted) + millis(stored, System.nanoTime())));
				SegmentationRun run = this.runs.findById(prepared.runId()).orElseThrow();
				run.succeeded(report);
				this.runs.save(run);
				this.jdbc.update(
						"update segmentation_state set published_run_id = ?, running_run_id = null where id = 1",
						prepared.runId());
				this.events.publishEvent(new RunPublished(prepared.runId(), prepared.asOf(), segmentation.size()));
				this.events.publishEvent(new RunFinished(prepared.runId(), RunStatus.SUCCEEDED, prepared.trigger(),
						segmentation.size(), Duration.ofMillis(report.timings().total()), report.timings()));
				publishing[0] = System.nanoTime();
			});
			long done = System.nanoTime();
			logger.info("Segmentation run " + prepared.runId() + " published: " + segmentation.size() + " customers in "
					+ millis(started, done) + " ms (report made and saved, run published in "
					+ millis(reporting[0], publishing[0]) + " ms, commit and what follows it "
					+ millis(publishing[0], done) + " ms)");
		}
		catch (LeaseLostException ex) {
			logger.warn("Segmentation run " + prepared.runId() + " was not published: " + ex.getMessage());
		}
		catch (WorkCancelledException ex) {
			logger.info("Segmentation run " + prepared.runId() + " stopped: it was cancelled");
			if (end(prepared.runId(), RunStatus.CANCELLED, "runs.failure.cancelled")) {
				this.events.publishEvent(new RunFinished(prepared.runId(), RunStatus.CANCELLED, prepared.trigger(), 0,
						Duration.ofNanos(System.nanoTime() - started), null));
			}
		}
		catch (RuntimeException | OutOfMemoryError ex) {
			// A lost connection is said as such; the run is marked on a fresh one.
			boolean lost = ConnectionLoss.causedBy(ex);
			if (this.leases.stopped(LeasedTable.SEGMENTATION_RUNS, prepared.runId())) {
				// Its connections were aborted on purpose: the run is already ended.
				logger.warn("Segmentation run " + prepared.runId() + " stopped: it was ended without its worker,"
						+ " whose lease was lost or ended, and its database connections were aborted (" + ex + ")");
			}
			else {
				logger.error(
						"Segmentation run " + prepared.runId() + (lost ? " lost its database connection" : " failed"),
						ex);
			}
			String reason = (ex instanceof OutOfMemoryError) ? "runs.failure.memory"
					: lost ? "runs.failure.connectionLost" : "runs.failure.error";
			if (end(prepared.runId(), RunStatus.FAILED, reason)) {
				this.events.publishEvent(new RunFinished(prepared.runId(), RunStatus.FAILED, prepared.trigger(), 0,
						Duration.ofNanos(System.nanoTime() - started), null));
			}
		}
		finally {
			this.leases.release(LeasedTable.SEGMENTATION_RUNS, prepared.runId());
			work.close();
		}
	}

	/**
	 * The dashboard's figures and those per owner, with how long each part took.
	 */
	private Aggregates aggregates(PreparedRun prepared, Segmentation segmentation, @Nullable RunChanges changes,
			@Nullable String @Nullable [] previousTiers) {
		long started = System.nanoTime();
		RunFigures.Satisfaction satisfaction = this.aggregator.satisfaction(segmentation, prepared.asOf());
		long read = System.nanoTime();
		RunFigures figures = RunFigures.of(segmentation, satisfaction, changes);
		long computed = System.nanoTime();
		OwnerFigures.Figures owners = this.aggregator.ownerFigures(segmentation, previousTiers);
		return new Aggregates(figures, owners, millis(started, read), millis(read, computed),
				millis(computed, System.nanoTime()));
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private record Aggregates(RunFigures figures, OwnerFigures.Figures owners, long satisfactionMillis,
			long figuresMillis, long ownerMillis) {

	}

	private List<CustomerFacts> readFacts(PreparedRun prepared, long[] doneAt) {
		List<CustomerFacts> read = this.facts.read(prepared.asOf(), prepared.settings().abcWindowMonths());
		doneAt[0] = System.nanoTime();
		this.leases.checkNotCancelled(LeasedTable.SEGMENTATION_RUNS, prepared.runId());
		return read;
	}

	/**
	 * Ends a running run as failed or cancelled, with the message code of its reason;
	 * what went wrong in detail is in the log, not on the page. A run already ended (by
	 * another instance, or cancelled without its worker) keeps how it ended.
	 * @return whether the run was still running
	 */
	private boolean end(long runId, RunStatus status, String failureCode) {
		Boolean ended = this.transactions.execute((transaction) -> {
			int updated = this.jdbc.update(
					"update segmentation_runs set status = ?, finished_at = ?, error_message = ?"
							+ " where id = ? and status = 'RUNNING'",
					status.name(), java.sql.Timestamp.from(java.time.Instant.now()), failureCode, runId);
			if (updated == 0) {
				return false;
			}
			this.jdbc.update("delete from customer_segments where run_id = ?", runId);
			this.jdbc.update("delete from customer_model_results where run_id = ?", runId);
			this.jdbc.update("update segmentation_state set running_run_id = null where id = 1 and running_run_id = ?",
					runId);
			return true;
		});
		return Boolean.TRUE.equals(ended);
	}

	/**
	 * A run whose instance stopped renewing its lease (it was stopped or killed, or lost
	 * the database) is failed, not left running forever; a run whose lease is live, on
	 * this instance or another, is left alone. At start-up and then on every renewal.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${tiercrm.leases.renewal-interval:15s}",
			initialDelayString = "${tiercrm.leases.renewal-interval:15s}")
	void recoverExpiredRuns() {
		for (long runId : this.leases.expired(LeasedTable.SEGMENTATION_RUNS)) {
			if (this.leases.takeOver(LeasedTable.SEGMENTATION_RUNS, runId)) {
				logger.warn("Segmentation run " + runId + " was interrupted (its lease expired); marking it failed");
				endWithoutWorker(runId, RunStatus.FAILED, "runs.failure.interrupted");
			}
		}
		for (long runId : this.leases.unansweredCancels(LeasedTable.SEGMENTATION_RUNS)) {
			if (this.leases.takeOverUnanswered(LeasedTable.SEGMENTATION_RUNS, runId)) {
				logger.warn("Segmentation run " + runId + " did not stop when asked to; marking it cancelled");
				endWithoutWorker(runId, RunStatus.CANCELLED, "runs.failure.cancelledUnanswered");
			}
		}
	}

	/**
	 * Ends a run the sweep took over, says so as its worker would have
	 * ({@link RunFinished}, for the metrics), and frees the worker if it runs here and is
	 * still stuck.
	 */
	private void endWithoutWorker(long runId, RunStatus status, String failureCode) {
		if (!end(runId, status, failureCode)) {
			return;
		}
		this.runs.findById(runId)
			.ifPresent(
					(run) -> this.events.publishEvent(
							new RunFinished(runId, status, run.getTrigger(), 0,
									Duration.between(run.getStartedAt(),
											(run.getFinishedAt() != null) ? run.getFinishedAt() : Instant.now()),
									null)));
		this.leases.stopWorker(LeasedTable.SEGMENTATION_RUNS, runId);
	}

	/**
	 * The order of the tiers, from the {@code tiers} table as it is now.
	 */
	public TierOrder tierOrder() {
		return tierOrder(this.jdbc);
	}

	public static TierOrder tierOrder(JdbcOperations jdbc) {
		Map<String, Integer> ranks = new HashMap<>();
		jdbc.query("select code, rank_order from tiers", (java.sql.ResultSet rs) -> {
			ranks.put(rs.getString(1), rs.getInt(2));
		});
		return new TierOrder(ranks);
	}

	PreviousTiers previousTiers() {
		Long published = publishedRunId();
		return (published != null) ? PreviousTiers.read(this.jdbc, published) : PreviousTiers.NONE;
	}

	private static RunReport report(PreparedRun prepared, Segmentation segmentation, RunReport.Timings timings) {
		return new RunReport(prepared.asOf(), prepared.configId(), prepared.settings().tierModel(), segmentation.size(),
				segmentation.abc().counts(), segmentation.rfm().counts(), segmentation.clv().counts(),
				segmentation.tierCounts(), diagnostics(segmentation.fit()), timings, segmentation.revenue());
	}

	static RunReport.ClvDiagnostics diagnostics(ClvFit fit) {
		RunReport.Params params = new RunReport.Params(finite(fit.r()), finite(fit.alpha()), finite(fit.a()),
				finite(fit.b()), finite(fit.p()), finite(fit.q()), finite(fit.gamma()));
		return new RunReport.ClvDiagnostics(fit.timeUnit().name(), params, finite(fit.bgNbdLogLikelihood()),
				finite(fit.gammaGammaLogLikelihood()), fit.converged(), fit.fallbackUsed(),
				(fit.fallbackReason() != null) ? ReasonColumn.encode(fit.fallbackReason()) : null, fit.customers(),
				fit.repeatBuyers(), fit.distinctRows(), fit.purchaseModel().name(),
				(fit.spendFallbackReason() != null) ? ReasonColumn.encode(fit.spendFallbackReason()) : null,
				fit.bgNbdIterations(), fit.gammaGammaIterations());
	}

	private record PreparedRun(long runId, LocalDate asOf, long configId, SegmentationSettings settings,
			RunTrigger trigger) {

	}

}
