package com.tiercrm.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Import settings.
 *
 * @param maxFileSize the largest file accepted
 * @param maxCellLength the longest cell accepted, in characters; a longer one rejects the
 * whole file as malformed
 * @param maxStoredErrors how many row errors a job keeps for its report
 * @param workDirectory where a job's file, kept in the database, is copied while the job
 * reads it: a private file (mode 0600, unguessable name) deleted when the job ends
 * (default: {@code tiercrm-imports} in the temporary directory)
 * @param timeZone the zone of dates and times in files that do not name one
 * @param postgresBulk whether files are loaded into PostgreSQL with COPY and merged
 * set-based (the fast path); other databases always use batched statements
 * @param earliestDate the earliest date an order or interaction may have; earlier ones,
 * like dates after tomorrow, are row errors
 * @param uploadRetention how long an uploaded file is kept for a commit or a corrected
 * dry run; a committed file is deleted as soon as its commit ends
 */
@ConfigurationProperties("tiercrm.imports")
public record ImportProperties(@DefaultValue("200MB") DataSize maxFileSize, @DefaultValue("10000") int maxCellLength,
		@DefaultValue("1000") int maxStoredErrors, @Nullable Path workDirectory,
		@DefaultValue("Asia/Shanghai") ZoneId timeZone, @DefaultValue("true") boolean postgresBulk,
		@DefaultValue("1970-01-01") LocalDate earliestDate, @DefaultValue("1d") Duration uploadRetention) {

	public Path workDirectoryOrDefault() {
		return (this.workDirectory != null) ? this.workDirectory
				: Path.of(System.getProperty("java.io.tmpdir"), "tiercrm-imports");
	}

}
