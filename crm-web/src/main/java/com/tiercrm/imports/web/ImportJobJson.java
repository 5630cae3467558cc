package com.tiercrm.imports.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.tiercrm.imports.DateOrder;
import com.tiercrm.imports.DecimalMark;
import com.tiercrm.imports.ImportCounts;
import com.tiercrm.imports.ImportJob;
import com.tiercrm.imports.ReadingBasis;
import com.tiercrm.imports.RowError;
import org.jspecify.annotations.Nullable;

/**
 * An import job as the API shows it, messages in the caller's language.
 */
record ImportJobJson(long id, String kind, String fileName, long fileBytes, String mode, boolean dryRun, String status,
		@Nullable String encoding, @Nullable String delimiter, String requestedBy, Instant startedAt,
		@Nullable Instant finishedAt, int processedRows, ImportCounts counts, boolean wouldBeRejected,
		@Nullable Failure failure, @Nullable Failure warning, List<ErrorJson> errors, boolean addReferenceData,
		String dateOrder, String decimalMark, @Nullable Reading dates, @Nullable Reading amounts) {

	static ImportJobJson of(ImportJob job, List<RowError> errors, ImportUploads uploads, Locale locale) {
		String failureKey = job.getFailureKey();
		Failure failure = (failureKey != null)
				? new Failure(failureKey, uploads.message(failureKey, job.getFailureArg(), locale)) : null;
		Failure warning = null;
		if (job.isWouldBeRejected()) {
			Object[] counts = { job.getCounts().invalid(), job.getCounts().valid() };
			warning = new Failure("import.job.wouldBeRejected",
					uploads.messageOf("import.job.wouldBeRejected", counts, locale));
		}
		return new ImportJobJson(job.id(), job.getKind().pathName(), job.getFileName(), job.getFileBytes(),
				job.getMode().parameter(), job.isDryRun(), job.getStatus().name(), job.getEncoding(),
				job.getDelimiter(), job.getRequestedBy(), job.getStartedAt(), job.getFinishedAt(),
				job.getProcessedRows(), job.getCounts(), job.isWouldBeRejected(), failure, warning,
				errors.stream()
					.map((error) -> new ErrorJson(error.row(), error.column(), error.value(), error.reasonKey(),
							uploads.reason(error, locale)))
					.toList(),
				job.addsReferenceData(), job.getReadingSettings().dateOrder().parameter(),
				job.getReadingSettings().decimalMark().parameter(), dates(job, uploads, locale),
				amounts(job, uploads, locale));
	}

	private static @Nullable Reading dates(ImportJob job, ImportUploads uploads, Locale locale) {
		String message = uploads.datesRead(job, locale);
		DateOrder order = job.getDatesReadAs();
		ReadingBasis basis = job.getDatesBasis();
		if (message == null || order == null || basis == null) {
			return null;
		}
		return new Reading(order.parameter(), basis.name(), job.getDateExample(),
				(job.getDateExample() != null) ? job.getDateExampleRow() : null, message);
	}

	private static @Nullable Reading amounts(ImportJob job, ImportUploads uploads, Locale locale) {
		String message = uploads.amountsRead(job, locale);
		DecimalMark mark = job.getDecimalsReadAs();
		ReadingBasis basis = job.getDecimalsBasis();
		if (message == null || mark == null || basis == null) {
			return null;
		}
		return new Reading(mark.parameter(), basis.name(), job.getDecimalExample(),
				(job.getDecimalExample() != null) ? job.getDecimalExampleRow() : null, message);
	}

	/**
	 * How dates or amounts were read ({@code day-first}, {@code comma}, …), why
	 * ({@code EVIDENCE}, {@code CHOSEN}, {@code AMBIGUOUS}), the value and row that show
	 * it, and all that in words.
	 */
	record Reading(String readAs, String basis, @Nullable String example, @Nullable Long row, String message) {

	}

	/**
	 * Why the job as a whole failed or was rejected, or (a warning) why its commit would
	 * be.
	 */
	record Failure(String key, String message) {

	}

	/** One row error. */
	record ErrorJson(long row, @Nullable String column, @Nullable String value, String reason, String message) {

	}

}
