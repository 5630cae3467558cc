package com.tiercrm.imports;

import java.time.Duration;

/**
 * An import job that read its file ended (succeeded, rejected, failed or cancelled).
 * Uploads refused before any row was read raise nothing.
 *
 * @param jobId the job
 * @param kind what it imported
 * @param status how it ended
 * @param dryRun whether it only checked the file
 * @param bulk whether it took the PostgreSQL fast path (COPY and set-based statements)
 * rather than batched statements
 * @param rows the data rows of the file it read (0 when it stopped before counting them)
 * @param duration from reading the file to the end of the job
 */
public record ImportFinished(long jobId, ImportKind kind, ImportStatus status, boolean dryRun, boolean bulk, int rows,
		Duration duration) {

	/** Rows per second over the whole job; 0 when it counted no rows. */
	public double rowsPerSecond() {
		double seconds = this.duration.toNanos() / 1e9;
		return (this.rows > 0 && seconds > 0) ? this.rows / seconds : 0;
	}

}
