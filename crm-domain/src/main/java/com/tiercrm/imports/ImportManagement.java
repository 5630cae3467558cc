package com.tiercrm.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.tiercrm.database.ConnectionLoss;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.orderfacts.OrderFacts;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.lease.LeaseLostException;
import com.tiercrm.lease.LeasedTable;
import com.tiercrm.lease.Leases;
import com.tiercrm.lease.WorkCancelledException;
import jakarta.persistence.EntityManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports files: stores the upload, validates every row, and either reports (dry run) or
 * writes. A commit runs in one transaction, so a failure part-way writes nothing; in
 * {@link ImportMode#ATOMIC} mode any invalid row also means nothing is written. Importing
 * the same file twice changes nothing the second time: rows are matched to existing
 * records by their code.
 */
@Service
public class ImportManagement implements ApplicationEventPublisherAware {

	private static final Log logger = LogFactory.getLog(ImportManagement.class);

	private static final int CHUNK = 500;

	private static final String INTERRUPTED = "import.failure.interrupted";

	private static final String CANCELLED_UNANSWERED = "import.failure.cancelledUnanswered";

	private static final int SAMPLE_BYTES = 64 * 1024;

	private static final int SAMPLE_LINES = 200;

	/**
	 * How many rows are read first to decide the order of day and month and the decimal
	 * mark; more only while dates could still be read either way.
	 */
	private static final int READING_SAMPLE_ROWS = 10_000;

	private final ImportJobRepository jobs;

	private final EntityManager entities;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate progressTransactions;

	private final TaskExecutor executor;

	private final ImportProperties properties;

	private final ReferenceData references;

	private final DatabaseDialect dialect;

	private final OrderFacts orderFacts;

	private final Leases leases;

	private final ImportUploadStore uploads;

	private ApplicationEventPublisher events = (event) -> {
	};

	ImportManagement(ImportJobRepository jobs, EntityManager entities, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			ImportProperties properties, ReferenceData references, DatabaseDialect dialect, Leases leases,
			OrderFacts orderFacts) {
		this.jobs = jobs;
		this.orderFacts = orderFacts;
		this.leases = leases;
		this.dialect = dialect;
		this.references = references;
		this.entities = entities;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.progressTransactions = new TransactionTemplate(transactionManager);
		this.progressTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.executor = executor;
		this.properties = properties;
		this.uploads = new ImportUploadStore(jdbc, properties);
	}

	/**
	 * Where {@link ImportFinished} goes; a service built by hand (tests) tells no one.
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Stores the upload and imports it to the end; the returned job says how it went.
	 */
	public ImportJob submit(ImportRequest request, InputStream content) throws IOException {
		Prepared prepared = prepare(request, content);
		return prepared.stored() ? run(prepared.job(), request.encoding()) : prepared.job();
	}

	/**
	 * Stores the upload and imports it in the background; the returned job is running (or
	 * already rejected, when the upload itself was refused).
	 */
	public ImportJob start(ImportRequest request, InputStream content) throws IOException {
		Prepared prepared = prepare(request, content);
		if (prepared.stored()) {
			this.executor.execute(() -> run(prepared.job(), request.encoding()));
		}
		return prepared.job();
	}

	/**
	 * Commits the file of a successful dry run, with the same mode and encoding, and
	 * returns the finished job.
	 * @throws ImportFileException when the dry run cannot be committed (any more)
	 */
	public ImportJob commit(long dryRunId, String requestedBy) {
		Prepared prepared = prepareCommit(dryRunId, requestedBy);
		return run(prepared.job(), prepared.encoding());
	}

	/**
	 * Commits the file of a successful dry run in the background and returns the running
	 * job.
	 * @throws ImportFileException when the dry run cannot be committed (any more)
	 */
	public ImportJob startCommit(long dryRunId, String requestedBy) {
		Prepared prepared = prepareCommit(dryRunId, requestedBy);
		this.executor.execute(() -> run(prepared.job(), prepared.encoding()));
		return prepared.job();
	}

	/**
	 * Asks a running job to stop; it then writes nothing and ends as cancelled. Its
	 * worker stops at its next check (every few hundred rows); a worker that has not
	 * stopped within {@code tiercrm.leases.cancel-grace} (stuck on a lost connection,
	 * say) is cancelled without it, and whatever it still tries to write is refused.
	 * @return whether the job was running
	 */
	public boolean cancel(long id) {
		this.jdbc.update("UPDATE import_jobs SET cancel_requested = TRUE WHERE id = ? AND status = 'RUNNING'", id);
		return this.leases.requestCancel(LeasedTable.IMPORT_JOBS, id);
	}

	private Prepared prepare(ImportRequest request, InputStream content) throws IOException {
		// Dry runs keep their file for a commit or a corrected mapping; after the
		// retention period it goes.
		deleteOldUploads();
		ImportJob created = new ImportJob(request.kind(), fileName(request.fileName()), 0, request.mode(),
				request.dryRun(), request.requestedBy());
		created.mapped(request.mapping());
		created.addingReferenceData(request.addReferenceData());
		created.reading(request.reading());
		ImportJob job = save(created);
		try {
			// One transaction: a refused or broken upload leaves no chunk behind.
			long started = System.nanoTime();
			job.stored(inTransaction(() -> {
				try {
					return this.uploads.store(job.id(), content);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}));
			if (logger.isDebugEnabled()) {
				logger.debug("Import job " + job.getId() + ": stored " + job.getFileBytes() + " bytes in "
						+ seconds(started));
			}
			return new Prepared(save(job), true, request.encoding());
		}
		catch (ImportFileException ex) {
			return new Prepared(finish(job, ImportStatus.REJECTED, ex.messageKey(), ex.argument(), List.of()), false,
					null);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private Prepared prepareCommit(long dryRunId, String requestedBy) {
		ImportJob dryRun = find(dryRunId).orElseThrow(() -> new ImportFileException("import.failure.notFound"));
		if (!dryRun.isCommittable() || !this.uploads.exists(dryRunId)) {
			throw new ImportFileException("import.failure.notCommittable");
		}
		return follow(dryRun, false, dryRun.getColumnMapping(), dryRun.getReadingSettings(), requestedBy);
	}

	/**
	 * A new job for the file of a dry run, with its mode and encoding: a commit takes the
	 * file over, another dry run (with a corrected mapping or reading) works on a copy.
	 * @throws ImportFileException when the file is gone (taken by another commit, or past
	 * its retention); no job is made then
	 */
	private Prepared follow(ImportJob dryRun, boolean dryRunAgain, ColumnMapping mapping, ReadingSettings reading,
			String requestedBy) {
		ImportJob created = new ImportJob(dryRun.getKind(), dryRun.getFileName(), dryRun.getFileBytes(),
				dryRun.getMode(), dryRunAgain, requestedBy);
		created.mapped(mapping);
		created.addingReferenceData(dryRun.addsReferenceData());
		created.reading(reading);
		ImportJob job = inTransaction(() -> {
			ImportJob saved = this.jobs.save(created);
			// Leased like every running job: unleased, any sweep would take it for dead.
			this.leases.hold(LeasedTable.IMPORT_JOBS, saved.id());
			boolean handedOver = dryRunAgain ? this.uploads.copy(dryRun.id(), saved.id())
					: this.uploads.transfer(dryRun.id(), saved.id());
			if (!handedOver) {
				throw new ImportFileException("import.failure.notCommittable");
			}
			return saved;
		});
		return new Prepared(job, true, storedEncoding(dryRun));
	}

	/** The encoding a job detected in its file; none for Excel files. */
	private static @Nullable Charset storedEncoding(ImportJob job) {
		String name = job.getEncoding();
		return (name != null && Charset.isSupported(name)) ? Charset.forName(name) : null;
	}

	public Optional<ImportJob> find(long id) {
		return this.jobs.findById(id);
	}

	/** The latest jobs, newest first. */
	public List<ImportJob> recent() {
		return this.jobs.findTop50ByOrderByStartedAtDescIdDesc();
	}

	/** The first errors of a job, in file order. */
	public List<RowError> errors(long id, int limit) {
		return this.jdbc.query(
				"SELECT row_no, column_name, cell_value, reason_key FROM import_errors WHERE job_id = ? ORDER BY seq",
				(rs) -> {
					List<RowError> errors = new ArrayList<>();
					while (rs.next() && errors.size() < limit) {
						errors.add(new RowError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
					}
					return errors;
				}, id);
	}

	/** The header line of an empty file of this kind, in the language of the locale. */
	public List<String> templateHeader(ImportKind kind, Locale locale) {
		return Arrays.stream(columnsOf(kind)).map((column) -> column.templateHeader(locale)).toList();
	}

	/**
	 * Jobs whose instance stopped renewing their lease (it was stopped or killed) cannot
	 * finish any more; jobs with a live lease, on this instance or another, go on.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void recoverInterruptedJobs() {
		failExpiredJobs();
		deleteOldUploads();
	}

	/**
	 * Fails the running jobs whose lease has expired, and cancels those whose worker did
	 * not answer a cancel in time; at start-up and on every renewal.
	 */
	@Scheduled(fixedDelayString = "${tiercrm.leases.renewal-interval:15s}",
			initialDelayString = "${tiercrm.leases.renewal-interval:15s}")
	public void failExpiredJobs() {
		for (long id : this.leases.expired(LeasedTable.IMPORT_JOBS)) {
			if (this.leases.takeOver(LeasedTable.IMPORT_JOBS, id)) {
				this.jobs.findById(id).ifPresent((job) -> endWithoutWorker(job, ImportStatus.FAILED, INTERRUPTED));
			}
		}
		for (long id : this.leases.unansweredCancels(LeasedTable.IMPORT_JOBS)) {
			if (this.leases.takeOverUnanswered(LeasedTable.IMPORT_JOBS, id)) {
				logger.warn("Import job " + id + " did not stop when asked to; marking it cancelled");
				deleteUploadQuietly(id);
				this.jobs.findById(id)
					.ifPresent((job) -> endWithoutWorker(job, ImportStatus.CANCELLED, CANCELLED_UNANSWERED));
			}
		}
	}

	/**
	 * Ends a job the sweep took over, says so as a worker's end would (notification,
	 * audit, metrics), and frees its worker if it runs here and is still stuck.
	 */
	private void endWithoutWorker(ImportJob job, ImportStatus status, String failureKey) {
		ImportJob ended = finish(job, status, failureKey, null, List.of());
		if (ended.getStatus() != status || !failureKey.equals(ended.getFailureKey())) {
			return;
		}
		Instant finishedAt = (ended.getFinishedAt() != null) ? ended.getFinishedAt() : Instant.now();
		this.events.publishEvent(new ImportFinished(ended.id(), ended.getKind(), status, ended.isDryRun(), bulk(),
				ended.getProcessedRows(), Duration.between(ended.getStartedAt(), finishedAt)));
		this.leases.stopWorker(LeasedTable.IMPORT_JOBS, ended.id());
	}

	private ImportJob run(ImportJob job, @Nullable Charset encoding) {
		long started = System.nanoTime();
		Leases.Work work = this.leases.working(LeasedTable.IMPORT_JOBS, job.id());
		try {
			ImportJob finished = read(job, encoding);
			// A job the sweep ended was announced by the sweep.
			if (!INTERRUPTED.equals(finished.getFailureKey())
					&& !CANCELLED_UNANSWERED.equals(finished.getFailureKey())) {
				this.events.publishEvent(
						new ImportFinished(finished.id(), finished.getKind(), finished.getStatus(), finished.isDryRun(),
								bulk(), finished.getCounts().total(), Duration.ofNanos(System.nanoTime() - started)));
			}
			return finished;
		}
		catch (Error ex) {
			// The worker thread is dying: say so now rather than after the lease.
			try {
				finish(job, ImportStatus.FAILED, "import.failure.unexpected", null, List.of());
			}
			catch (RuntimeException failed) {
				ex.addSuppressed(failed);
			}
			throw ex;
		}
		finally {
			// However the worker ended, its lease is no longer renewed: a job it could
			// not
			// mark finished is failed by the sweep once the lease expires.
			this.leases.release(LeasedTable.IMPORT_JOBS, job.id());
			work.close();
		}
	}

	/**
	 * Reads the job's own file from a private copy, checked against the checksum taken
	 * when it was uploaded: a file changed since is refused before anything is written.
	 */
	private ImportJob read(ImportJob job, @Nullable Charset encoding) {
		Path file;
		try {
			long started = System.nanoTime();
			file = this.uploads.spool(job.id(), Long.MAX_VALUE);
			if (logger.isDebugEnabled()) {
				logger.debug("Import job " + job.getId() + ": copied and checked its file in " + seconds(started));
			}
		}
		catch (ImportFileException ex) {
			if (!job.isDryRun()) {
				deleteUploadQuietly(job.id());
			}
			return finish(job, ImportStatus.REJECTED, ex.messageKey(), ex.argument(), List.of());
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Import job " + job.getId() + " could not read its file", ex);
			return finish(job, ImportStatus.FAILED, "import.failure.unexpected", null, List.of());
		}
		try {
			return read(job, file, encoding);
		}
		finally {
			deleteQuietly(file);
		}
	}

	private ImportJob read(ImportJob job, Path file, @Nullable Charset encoding) {
		try {
			FileReading reading = reading(job, file, encoding);
			if (job.getKind() == ImportKind.ORDERS && bulk()) {
				return complete(job, () -> bulkOrders(job, file, encoding, reading));
			}
			else if (job.getKind() == ImportKind.CUSTOMERS && bulk()) {
				return complete(job, () -> bulkCustomers(job, file, encoding));
			}
			else if (job.getKind() == ImportKind.INTERACTIONS && bulk()) {
				return complete(job, () -> bulkInteractions(job, file, encoding, reading));
			}
			else if (job.isDryRun()) {
				return complete(job, () -> pass(job, file, encoding, reading, false));
			}
			else if (job.getMode() == ImportMode.ATOMIC) {
				Outcome checked = inTransaction(() -> pass(job, file, encoding, reading, false));
				return complete(job,
						() -> (checked.counts().invalid() == 0) ? pass(job, file, encoding, reading, true) : checked);
			}
			else {
				return complete(job, () -> pass(job, file, encoding, reading, true));
			}
		}
		catch (ImportFileException ex) {
			if (!job.isDryRun()) {
				deleteUploadQuietly(job.id());
			}
			return finish(job, ImportStatus.REJECTED, ex.messageKey(), ex.argument(), List.of());
		}
		catch (WorkCancelledException ex) {
			deleteUploadQuietly(job.id());
			return finish(job, ImportStatus.CANCELLED, "import.failure.cancelled", null, List.of());
		}
		catch (LeaseLostException ex) {
			logger.warn("Import job " + job.getId() + " wrote nothing: " + ex.getMessage());
			return this.jobs.findById(job.id()).orElse(job);
		}
		catch (IOException | RuntimeException ex) {
			// A lost connection is said as such; the job is marked on a fresh one.
			if (this.leases.stopped(LeasedTable.IMPORT_JOBS, job.id())) {
				// Its connections were aborted on purpose: the job is already ended, and
				// keeps how it ended.
				logger.warn("Import job " + job.getId() + " stopped: it was ended without its worker, whose lease"
						+ " was lost or ended, and its database connections were aborted (" + ex + ")");
				this.leases.release(LeasedTable.IMPORT_JOBS, job.id());
				deleteUploadQuietly(job.id());
				return this.jobs.findById(job.id()).orElse(job);
			}
			boolean lost = ConnectionLoss.causedBy(ex);
			if (lost) {
				logger.error("Import job " + job.getId() + " lost its database connection", ex);
			}
			else {
				logger.warn("Import job " + job.getId() + " failed", ex);
			}
			deleteUploadQuietly(job.id());
			return finish(job, ImportStatus.FAILED,
					lost ? "import.failure.connectionLost" : "import.failure.unexpected", null, List.of());
		}
	}

	/**
	 * Does the job's writing and marks it finished in one transaction, only while it is
	 * still this instance's and nobody asked it to stop: a cancel or a recovery by
	 * another instance either comes first and nothing is written, or finds the job
	 * finished.
	 */
	private ImportJob complete(ImportJob job, java.util.function.Supplier<Outcome> work) {
		return inTransaction(() -> {
			Outcome outcome = work.get();
			this.leases.confirmNotCancelled(LeasedTable.IMPORT_JOBS, job.id());
			// All or nothing with invalid rows writes nothing, and a dry run says so: the
			// valid rows are what would have been written once the file is fixed.
			boolean nothingWritten = job.getMode() == ImportMode.ATOMIC && outcome.counts().invalid() > 0;
			job.counted(nothingWritten ? outcome.counts().nothingWritten() : outcome.counts());
			boolean rejected = !job.isDryRun() && nothingWritten;
			if (!job.isDryRun()) {
				// A committed file is not needed any more: it goes at once.
				this.uploads.delete(job.id());
			}
			return finish(job, rejected ? ImportStatus.REJECTED : ImportStatus.SUCCEEDED,
					rejected ? "import.failure.invalidRows" : null,
					rejected ? String.valueOf(outcome.counts().valid()) : null, outcome.errors());
		});
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		T result = this.transactions.execute((status) -> work.get());
		if (result == null) {
			throw new IllegalStateException("Transaction returned nothing");
		}
		return result;
	}

	/**
	 * Decides how the dates and amounts of an order or interaction file are read, from
	 * its first rows (see {@link ReadingEvidence}) and the admin's choice, before its
	 * rows are parsed: a row streamed to the database cannot wait for a later row's
	 * evidence. Reading a sample twice costs little; the whole file is read ahead only
	 * when its dates could all be read either way, the one case where it would otherwise
	 * be refused.
	 * @throws ImportFileException when the order of day and month is left to a file that
	 * does not settle it
	 */
	private FileReading reading(ImportJob job, Path file, @Nullable Charset encoding) throws IOException {
		if (job.getKind() == ImportKind.CUSTOMERS) {
			return FileReading.NOTHING_TO_DECIDE;
		}
		try (ImportFile rows = ImportFile.open(file, encoding, this.properties)) {
			job.detected(rows.encoding(), rows.delimiterName());
			FileReading reading = switch (job.getKind()) {
				case ORDERS -> OrderImport.reading(rows.header(), job.getColumnMapping(), rows,
						job.getReadingSettings(), READING_SAMPLE_ROWS);
				case INTERACTIONS -> InteractionImport.reading(rows.header(), job.getColumnMapping(), rows,
						job.getReadingSettings(), READING_SAMPLE_ROWS);
				case CUSTOMERS -> FileReading.NOTHING_TO_DECIDE;
			};
			job.readAs(reading);
			return reading;
		}
	}

	/** Reads the whole file once; writes the valid rows when asked to. */
	private Outcome pass(ImportJob job, Path file, @Nullable Charset encoding, FileReading reading, boolean write) {
		try (ImportFile rows = ImportFile.open(file, encoding, this.properties)) {
			job.detected(rows.encoding(), rows.delimiterName());
			return pass(job.id(), rowImport(job, rows.header(), reading), rows, write);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Imports an order file in one pass with COPY and set-based statements (PostgreSQL
	 * only); all-or-nothing jobs merge only when every row is valid.
	 */
	private Outcome bulkOrders(ImportJob job, Path file, @Nullable Charset encoding, FileReading reading) {
		try (ImportFile rows = ImportFile.open(file, encoding, this.properties)) {
			job.detected(rows.encoding(), rows.delimiterName());
			OrderImport orders = new OrderImport(rows.header(), job.getColumnMapping(), this.jdbc,
					new PlausibleDates(this.properties), reading, this.orderFacts);
			ImportTally tally = new PostgresOrderLoad(this.jdbc, this.properties.maxStoredErrors(), this.orderFacts)
				.load(orders, rows, !job.isDryRun(), job.getMode() == ImportMode.ATOMIC,
						(processed) -> progress(job.id(), processed));
			return new Outcome(tally.counts(), tally.errors());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Imports a customer file in one pass with COPY and set-based statements (PostgreSQL
	 * only); all-or-nothing jobs merge only when every row is valid.
	 */
	private Outcome bulkCustomers(ImportJob job, Path file, @Nullable Charset encoding) {
		try (ImportFile rows = ImportFile.open(file, encoding, this.properties)) {
			job.detected(rows.encoding(), rows.delimiterName());
			CustomerImport customers = new CustomerImport(rows.header(), job.getColumnMapping(), this.entities,
					this.jdbc, this.references, job.addsReferenceData());
			ImportTally tally = new PostgresCustomerLoad(this.jdbc, this.properties.maxStoredErrors()).load(customers,
					rows, !job.isDryRun(), job.getMode() == ImportMode.ATOMIC,
					(processed) -> progress(job.id(), processed));
			return new Outcome(tally.counts(), tally.errors());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Imports an interaction file in one pass with COPY and set-based statements
	 * (PostgreSQL only); all-or-nothing jobs merge only when every row is valid.
	 */
	private Outcome bulkInteractions(ImportJob job, Path file, @Nullable Charset encoding, FileReading reading) {
		try (ImportFile rows = ImportFile.open(file, encoding, this.properties)) {
			job.detected(rows.encoding(), rows.delimiterName());
			InteractionImport interactions = new InteractionImport(rows.header(), job.getColumnMapping(), this.jdbc,
					new PlausibleDates(this.properties), reading);
			ImportTally tally = new PostgresInteractionLoad(this.jdbc, this.properties.maxStoredErrors()).load(
					interactions, rows, !job.isDryRun(), job.getMode() == ImportMode.ATOMIC,
					(processed) -> progress(job.id(), processed));
			return new Outcome(tally.counts(), tally.errors());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether files go the PostgreSQL fast path. */
	private boolean bulk() {
		return this.properties.postgresBulk() && this.dialect.isPostgres();
	}

	private <R> Outcome pass(long jobId, RowImport<R> rows, ImportFile file, boolean write) {
		ImportTally tally = new ImportTally(this.properties.maxStoredErrors());
		Set<String> seen = new HashSet<>();
		List<R> chunk = new ArrayList<>(CHUNK);
		for (ImportFile.Row row : file) {
			if (row.isBlank()) {
				continue;
			}
			tally.total++;
			List<RowError> rowErrors = new ArrayList<>(2);
			Optional<R> parsed = rows.parse(row, rowErrors::add);
			if (parsed.isPresent() && !seen.add(rows.key(parsed.get()))) {
				rowErrors.add(rows.duplicate(parsed.get()));
			}
			if (!rowErrors.isEmpty()) {
				tally.invalid(rowErrors);
				continue;
			}
			chunk.add(parsed.orElseThrow());
			if (chunk.size() == CHUNK) {
				rows.apply(chunk, tally, write);
				chunk.clear();
				progress(jobId, tally.total);
			}
		}
		if (!chunk.isEmpty()) {
			rows.apply(chunk, tally, write);
		}
		progress(jobId, tally.total);
		return new Outcome(tally.counts(), tally.errors());
	}

	/**
	 * Publishes how far the job got, in a transaction of its own so that pages see it at
	 * once, and stops the job when a cancel was asked for.
	 */
	private void progress(long jobId, int processed) {
		Boolean cancelled = this.progressTransactions.execute((status) -> {
			this.jdbc.update("UPDATE import_jobs SET processed_rows = ? WHERE id = ?", processed, jobId);
			return this.jdbc.queryForObject("SELECT cancel_requested FROM import_jobs WHERE id = ?", Boolean.class,
					jobId);
		});
		if (Boolean.TRUE.equals(cancelled)) {
			throw new WorkCancelledException(LeasedTable.IMPORT_JOBS, jobId);
		}
	}

	private RowImport<?> rowImport(ImportJob job, List<String> header, FileReading reading) {
		ColumnMapping mapping = job.getColumnMapping();
		return switch (job.getKind()) {
			case CUSTOMERS ->
				new CustomerImport(header, mapping, this.entities, this.jdbc, this.references, job.addsReferenceData());
			case ORDERS -> new OrderImport(header, mapping, this.jdbc, new PlausibleDates(this.properties), reading,
					this.orderFacts);
			case INTERACTIONS ->
				new InteractionImport(header, mapping, this.jdbc, new PlausibleDates(this.properties), reading);
		};
	}

	/**
	 * The headers of a dry run's file and the field each is matched to (with the job's
	 * correction); empty when the file is gone or unreadable.
	 */
	public Optional<List<MatchedColumn>> matchedColumns(long jobId) {
		Optional<ImportJob> found = find(jobId);
		if (found.isEmpty() || !found.get().isDryRun() || !this.uploads.exists(jobId)) {
			return Optional.empty();
		}
		ImportJob job = found.get();
		Charset encoding = storedEncoding(job);
		// The header of a text file is in its first bytes; an Excel file is read whole.
		Path upload;
		try {
			upload = this.uploads.spool(jobId, (encoding != null) ? ImportUploadStore.CHUNK_BYTES : Long.MAX_VALUE);
		}
		catch (IOException | ImportFileException ex) {
			return Optional.empty();
		}
		try (ImportFile rows = ImportFile.open(upload, encoding, this.properties)) {
			List<String> header = rows.header();
			List<MatchedColumn> matched = new ArrayList<>(header.size());
			for (int i = 0; i < header.size(); i++) {
				matched.add(new MatchedColumn(i, header.get(i),
						matchedField(job.getKind(), header.get(i), job.getColumnMapping()).orElse("")));
			}
			return Optional.of(matched);
		}
		catch (IOException | ImportFileException ex) {
			return Optional.empty();
		}
		finally {
			deleteQuietly(upload);
		}
	}

	/**
	 * A line of a dry run's text file as its encoding reads it, for the admin to check
	 * that the encoding is right: the first line with a character outside ASCII, or else
	 * the first data line. Empty for Excel files and when the file is gone.
	 */
	public Optional<String> sampleLine(long jobId) {
		Optional<ImportJob> found = find(jobId);
		Charset encoding = found.map(ImportManagement::storedEncoding).orElse(null);
		Optional<InputStream> upload = (found.isEmpty() || !found.get().isDryRun() || encoding == null)
				? Optional.empty() : this.uploads.open(jobId);
		if (upload.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = upload.get()) {
			String text = new String(in.readNBytes(SAMPLE_BYTES), encoding);
			List<String> lines = text.lines().limit(SAMPLE_LINES).map(String::strip).toList();
			Optional<String> sample = lines.stream()
				.filter((line) -> line.chars().anyMatch((c) -> c >= 0x80 && c != 0xFEFF))
				.findFirst()
				.or(() -> lines.stream().skip(1).findFirst());
			return sample.map((line) -> (line.length() > 200) ? line.substring(0, 200) + "…" : line);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** The fields of a kind of file, in template order. */
	public List<ImportField> fields(ImportKind kind, Locale locale) {
		return Arrays.stream(columnsOf(kind))
			.map((column) -> new ImportField(column.name(), column.templateHeader(locale), column.required()))
			.toList();
	}

	/**
	 * Runs a dry run's file again as a new dry run, with the admin's corrected mapping
	 * and, when given, another encoding, in the background; dates and amounts are read as
	 * the dry run read them.
	 * @throws ImportFileException when the file is gone
	 */
	public ImportJob startRemapped(long dryRunId, ColumnMapping mapping, @Nullable Charset encoding,
			String requestedBy) {
		ImportJob dryRun = find(dryRunId).filter(ImportJob::isDryRun)
			.orElseThrow(() -> new ImportFileException("import.failure.notFound"));
		return startRemapped(dryRunId, mapping, encoding, dryRun.getReadingSettings(), requestedBy);
	}

	/**
	 * Runs a dry run's file again as a new dry run, with the admin's corrected mapping,
	 * reading of dates and amounts and, when given, another encoding, in the background.
	 * @throws ImportFileException when the file is gone
	 */
	public ImportJob startRemapped(long dryRunId, ColumnMapping mapping, @Nullable Charset encoding,
			ReadingSettings reading, String requestedBy) {
		ImportJob dryRun = find(dryRunId).filter(ImportJob::isDryRun)
			.orElseThrow(() -> new ImportFileException("import.failure.notFound"));
		Prepared prepared = follow(dryRun, true, mapping, reading, requestedBy);
		Charset chosen = (encoding != null) ? encoding : prepared.encoding();
		this.executor.execute(() -> run(prepared.job(), chosen));
		return prepared.job();
	}

	/** Saves a mapping under a name, replacing one of the same kind and name. */
	public void saveMapping(ImportKind kind, String name, ColumnMapping mapping, String savedBy) {
		String encoded = mapping.encode();
		inTransaction(() -> {
			int updated = this.jdbc.update(
					"UPDATE import_mappings SET columns = ?, saved_by = ?, saved_at = ? WHERE kind = ? AND name = ?",
					encoded, savedBy, java.sql.Timestamp.from(Instant.now()), kind.name(), name);
			if (updated == 0) {
				this.jdbc.update(
						"INSERT INTO import_mappings (kind, name, columns, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)",
						kind.name(), name, encoded, savedBy, java.sql.Timestamp.from(Instant.now()));
			}
			return updated;
		});
	}

	/** The names of the saved mappings of a kind of file, alphabetically. */
	public List<String> mappingNames(ImportKind kind) {
		return this.jdbc.queryForList("SELECT name FROM import_mappings WHERE kind = ? ORDER BY name", String.class,
				kind.name());
	}

	public Optional<ColumnMapping> savedMapping(ImportKind kind, String name) {
		return this.jdbc
			.queryForList("SELECT columns FROM import_mappings WHERE kind = ? AND name = ?", String.class, kind.name(),
					name)
			.stream()
			.findFirst()
			.map(ColumnMapping::decode);
	}

	private static Optional<String> matchedField(ImportKind kind, String header, ColumnMapping mapping) {
		Optional<? extends Enum<?>> column = switch (kind) {
			case CUSTOMERS -> HeaderMapping.column(header, CustomerColumn.class, mapping);
			case ORDERS -> HeaderMapping.column(header, OrderColumn.class, mapping);
			case INTERACTIONS -> HeaderMapping.column(header, InteractionColumn.class, mapping);
		};
		return column.map(Enum::name);
	}

	private static ImportColumn[] columnsOf(ImportKind kind) {
		return switch (kind) {
			case CUSTOMERS -> CustomerColumn.values();
			case ORDERS -> OrderColumn.values();
			case INTERACTIONS -> InteractionColumn.values();
		};
	}

	private ImportJob save(ImportJob job) {
		return inTransaction(() -> {
			ImportJob saved = this.jobs.save(job);
			if (saved.getStatus() == ImportStatus.RUNNING) {
				// With the row that makes the job: no instance sees it running unleased.
				this.leases.hold(LeasedTable.IMPORT_JOBS, saved.id());
			}
			return saved;
		});
	}

	/**
	 * Marks a job finished, only while it is running and this instance's: a job already
	 * ended elsewhere (cancelled without its worker, or recovered after its lease) keeps
	 * how it ended.
	 */
	private ImportJob finish(ImportJob job, ImportStatus status, @Nullable String failureKey,
			@Nullable String failureArg, List<RowError> errors) {
		job.finish(status, failureKey, failureArg);
		this.leases.release(LeasedTable.IMPORT_JOBS, job.id());
		try {
			return inTransaction(() -> record(job, errors));
		}
		catch (LeaseLostException ex) {
			logger.warn("Import job " + job.getId() + " was not marked " + status + ": " + ex.getMessage());
			return this.jobs.findById(job.id()).orElse(job);
		}
	}

	private ImportJob record(ImportJob job, List<RowError> errors) {
		this.leases.confirm(LeasedTable.IMPORT_JOBS, job.id());
		ImportJob saved = this.jobs.save(job);
		List<Object[]> rows = new ArrayList<>(errors.size());
		for (int i = 0; i < errors.size(); i++) {
			RowError error = errors.get(i);
			rows.add(new Object[] { saved.id(), i, error.row(), error.column(), error.value(), error.reasonKey() });
		}
		this.jdbc.batchUpdate("INSERT INTO import_errors (job_id, seq, row_no, column_name, cell_value, reason_key)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", rows);
		return saved;
	}

	/**
	 * Deletes the files of jobs older than the retention period, and private copies left
	 * in the work directory by a process that stopped while reading one.
	 */
	private void deleteOldUploads() {
		Duration retention = this.properties.uploadRetention();
		int deleted = inTransaction(() -> this.uploads.deleteOlderThan(retention));
		if (deleted > 0) {
			logger.info("Deleted " + deleted + " import file(s) older than " + retention);
		}
		Path directory = this.properties.workDirectoryOrDefault();
		if (!Files.isDirectory(directory)) {
			return;
		}
		Instant cutoff = Instant.now().minus(retention);
		try (Stream<Path> files = Files.list(directory)) {
			files
				.filter((file) -> file.getFileName().toString().endsWith(".spool")
						|| file.getFileName().toString().endsWith(".upload"))
				.forEach((file) -> {
					try {
						if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
							Files.delete(file);
						}
					}
					catch (IOException ex) {
						logger.debug("Could not delete " + file, ex);
					}
				});
		}
		catch (IOException ex) {
			logger.warn("Could not clean " + directory, ex);
		}
	}

	private void deleteUploadQuietly(long jobId) {
		try {
			inTransaction(() -> this.uploads.delete(jobId));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not delete the file of import job " + jobId, ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.debug("Could not delete " + file, ex);
		}
	}

	private static String seconds(long startedNanos) {
		return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - startedNanos) / 1e9);
	}

	private static String fileName(String name) {
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		if (base.isBlank()) {
			base = "upload.csv";
		}
		return (base.length() > 255) ? base.substring(0, 255) : base;
	}

	private record Outcome(ImportCounts counts, List<RowError> errors) {

	}

	/**
	 * A job whose file is stored, ready to run, or (not stored) a job already refused.
	 */
	private record Prepared(ImportJob job, boolean stored, @Nullable Charset encoding) {

	}

}
