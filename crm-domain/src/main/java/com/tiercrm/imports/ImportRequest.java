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
 */
public record ImportRequest(ImportKind kind, String fileName, ImportMode mode, boolean dryRun,
		@Nullable Charset encoding, String requestedBy) {

}
