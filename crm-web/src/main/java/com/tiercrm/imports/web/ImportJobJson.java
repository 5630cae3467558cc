package com.tiercrm.imports.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.tiercrm.imports.ImportCounts;
import com.tiercrm.imports.ImportJob;
import com.tiercrm.imports.RowError;
import org.jspecify.annotations.Nullable;

/**
 * An import job as the API shows it, messages in the caller's language.
 */
record ImportJobJson(long id, String kind, String fileName, long fileBytes, String mode, boolean dryRun, String status,
		@Nullable String encoding, @Nullable String delimiter, String requestedBy, Instant startedAt,
		@Nullable Instant finishedAt, int processedRows, ImportCounts counts, boolean wouldBeRejected,
		@Nullable Failure failure, @Nullable Failure warning, List<ErrorJson> errors, boolean addReferenceData) {

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
				job.addsReferenceData());
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
