package com.tiercrm.imports;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One import of one file, a dry run or a commit: who, when, what and how it went.
 */
@Entity
@Table(name = "import_jobs")
public class ImportJob {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Enumerated(EnumType.STRING)
	private ImportKind kind;

	private String fileName;

	private long fileBytes;

	private @Nullable String encoding;

	private @Nullable String delimiter;

	@Enumerated(EnumType.STRING)
	private ImportMode mode;

	private boolean dryRun;

	@Enumerated(EnumType.STRING)
	private ImportStatus status;

	private String requestedBy;

	private Instant startedAt;

	private @Nullable Instant finishedAt;

	private int totalRows;

	private int validRows;

	private int invalidRows;

	private int insertedRows;

	private int updatedRows;

	private int unchangedRows;

	private int processedRows;

	private @Nullable String failureKey;

	private @Nullable String failureArg;

	private @Nullable String columnMapping;

	private boolean addsReferenceData;

	@Enumerated(EnumType.STRING)
	private DateOrder dateOrder = DateOrder.AUTO;

	@Enumerated(EnumType.STRING)
	private DecimalMark decimalMark = DecimalMark.AUTO;

	@Enumerated(EnumType.STRING)
	private @Nullable DateOrder datesReadAs;

	@Enumerated(EnumType.STRING)
	private @Nullable ReadingBasis datesBasis;

	private @Nullable String dateExample;

	private long dateExampleRow;

	@Enumerated(EnumType.STRING)
	private @Nullable DecimalMark decimalsReadAs;

	@Enumerated(EnumType.STRING)
	private @Nullable ReadingBasis decimalsBasis;

	private @Nullable String decimalExample;

	private long decimalExampleRow;

	@Version
	private long version;

	protected ImportJob() {
		this(ImportKind.CUSTOMERS, "", 0, ImportMode.ATOMIC, true, "");
	}

	ImportJob(ImportKind kind, String fileName, long fileBytes, ImportMode mode, boolean dryRun, String requestedBy) {
		this.kind = kind;
		this.fileName = fileName;
		this.fileBytes = fileBytes;
		this.mode = mode;
		this.dryRun = dryRun;
		this.requestedBy = requestedBy;
		this.status = ImportStatus.RUNNING;
		this.startedAt = Instant.now();
	}

	void mapped(ColumnMapping mapping) {
		this.columnMapping = mapping.isAutomatic() ? null : mapping.encode();
	}

	/** How the admin corrected the matching of the file's headers. */
	public ColumnMapping getColumnMapping() {
		return ColumnMapping.decode(this.columnMapping);
	}

	void addingReferenceData(boolean adds) {
		this.addsReferenceData = adds;
	}

	/**
	 * Whether an industry or region the installation does not know becomes a new entry
	 * rather than an error of its row.
	 */
	public boolean addsReferenceData() {
		return this.addsReferenceData;
	}

	void reading(ReadingSettings settings) {
		this.dateOrder = settings.dateOrder();
		this.decimalMark = settings.decimalMark();
	}

	/** How the admin asked for dates and amounts to be read. */
	public ReadingSettings getReadingSettings() {
		return new ReadingSettings(this.dateOrder, this.decimalMark);
	}

	void readAs(FileReading reading) {
		FileReading.Decision<DateOrder> dates = reading.dates();
		this.datesReadAs = (dates != null) ? dates.value() : null;
		this.datesBasis = (dates != null) ? dates.basis() : null;
		this.dateExample = (dates != null) ? example(dates.example()) : null;
		this.dateExampleRow = (dates != null) ? dates.row() : 0;
		FileReading.Decision<DecimalMark> decimals = reading.decimals();
		this.decimalsReadAs = (decimals != null) ? decimals.value() : null;
		this.decimalsBasis = (decimals != null) ? decimals.basis() : null;
		this.decimalExample = (decimals != null) ? example(decimals.example()) : null;
		this.decimalExampleRow = (decimals != null) ? decimals.row() : 0;
	}

	private static @Nullable String example(@Nullable String value) {
		return (value != null && value.length() > 100) ? value.substring(0, 99) + "…" : value;
	}

	/**
	 * The order of day and month the file's dates were read in; none when they are all
	 * written year first.
	 */
	public @Nullable DateOrder getDatesReadAs() {
		return this.datesReadAs;
	}

	public @Nullable ReadingBasis getDatesBasis() {
		return this.datesBasis;
	}

	/** The date that settled the order, with {@link #getDateExampleRow()}. */
	public @Nullable String getDateExample() {
		return this.dateExample;
	}

	public long getDateExampleRow() {
		return this.dateExampleRow;
	}

	/**
	 * The decimal mark the file's amounts were read with; none when no amount needed it
	 * decided (a decimal point).
	 */
	public @Nullable DecimalMark getDecimalsReadAs() {
		return this.decimalsReadAs;
	}

	public @Nullable ReadingBasis getDecimalsBasis() {
		return this.decimalsBasis;
	}

	/**
	 * The amount that settled the decimal mark, or that could be read with either, with
	 * {@link #getDecimalExampleRow()}.
	 */
	public @Nullable String getDecimalExample() {
		return this.decimalExample;
	}

	public long getDecimalExampleRow() {
		return this.decimalExampleRow;
	}

	void stored(long bytes) {
		this.fileBytes = bytes;
	}

	void detected(String encoding, @Nullable String delimiter) {
		this.encoding = encoding;
		this.delimiter = delimiter;
	}

	void counted(ImportCounts counts) {
		this.totalRows = counts.total();
		this.validRows = counts.valid();
		this.invalidRows = counts.invalid();
		this.insertedRows = counts.inserted();
		this.updatedRows = counts.updated();
		this.unchangedRows = counts.unchanged();
		this.processedRows = counts.total();
	}

	void finish(ImportStatus status, @Nullable String failureKey, @Nullable String failureArg) {
		this.status = status;
		this.failureKey = failureKey;
		this.failureArg = (failureArg != null && failureArg.length() > 500) ? failureArg.substring(0, 500) : failureArg;
		this.finishedAt = Instant.now();
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public long id() {
		if (this.id == null) {
			throw new IllegalStateException("Import job not saved yet");
		}
		return this.id;
	}

	public ImportKind getKind() {
		return this.kind;
	}

	public String getFileName() {
		return this.fileName;
	}

	public long getFileBytes() {
		return this.fileBytes;
	}

	public @Nullable String getEncoding() {
		return this.encoding;
	}

	public @Nullable String getDelimiter() {
		return this.delimiter;
	}

	public ImportMode getMode() {
		return this.mode;
	}

	public boolean isDryRun() {
		return this.dryRun;
	}

	public ImportStatus getStatus() {
		return this.status;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public @Nullable Instant getFinishedAt() {
		return this.finishedAt;
	}

	public ImportCounts getCounts() {
		return new ImportCounts(this.totalRows, this.validRows, this.invalidRows, this.insertedRows, this.updatedRows,
				this.unchangedRows);
	}

	/** Data rows read so far; while the job runs, updated every few hundred rows. */
	public int getProcessedRows() {
		return this.processedRows;
	}

	public boolean isRunning() {
		return this.status == ImportStatus.RUNNING;
	}

	public @Nullable String getFailureKey() {
		return this.failureKey;
	}

	public @Nullable String getFailureArg() {
		return this.failureArg;
	}

	/**
	 * Whether this dry run found invalid rows in all-or-nothing mode, so that a commit
	 * would be rejected and write nothing.
	 */
	public boolean isWouldBeRejected() {
		return this.dryRun && this.status == ImportStatus.SUCCEEDED && this.mode == ImportMode.ATOMIC
				&& this.invalidRows > 0;
	}

	/** Whether this is a successful dry run whose file can still be committed. */
	public boolean isCommittable() {
		return this.dryRun && this.status == ImportStatus.SUCCEEDED
				&& (this.invalidRows == 0 || this.mode == ImportMode.SKIP_INVALID);
	}

}
