package com.tiercrm.imports;

import java.nio.charset.Charset;

import org.jspecify.annotations.Nullable;

/**
 * An upload to import.
 *
 * @param kind what the file holds
 * @param fileName the name the file was uploaded under
 * @param mode what a commit does with invalid rows
 * @param dryRun only validate and report, write nothing
 * @param encoding the encoding chosen by the admin, or {@code null} to detect it
 * @param requestedBy the username of the admin
 * @param mapping the admin's correction of how headers are matched
 */
public record ImportRequest(ImportKind kind, String fileName, ImportMode mode, boolean dryRun,
		@Nullable Charset encoding, String requestedBy, ColumnMapping mapping) {

	/** An upload whose headers are matched automatically. */
	public ImportRequest(ImportKind kind, String fileName, ImportMode mode, boolean dryRun, @Nullable Charset encoding,
			String requestedBy) {
		this(kind, fileName, mode, dryRun, encoding, requestedBy, ColumnMapping.AUTOMATIC);
	}

}
