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
 * @param addReferenceData add an industry or region no entry knows as a new entry instead
 * of refusing its row
 * @param reading how dates not written year first and decimals are read, or
 * {@link ReadingSettings#AUTOMATIC} to decide per file
 */
public record ImportRequest(ImportKind kind, String fileName, ImportMode mode, boolean dryRun,
		@Nullable Charset encoding, String requestedBy, ColumnMapping mapping, boolean addReferenceData,
		ReadingSettings reading) {

	/** An upload whose dates and amounts are read as the file shows. */
	public ImportRequest(ImportKind kind, String fileName, ImportMode mode, boolean dryRun, @Nullable Charset encoding,
			String requestedBy, ColumnMapping mapping, boolean addReferenceData) {
		this(kind, fileName, mode, dryRun, encoding, requestedBy, mapping, addReferenceData, ReadingSettings.AUTOMATIC);
	}

	/** An upload that refuses industries and regions no entry knows. */
	public ImportRequest(ImportKind kind, String fileName, ImportMode mode, boolean dryRun, @Nullable Charset encoding,
			String requestedBy, ColumnMapping mapping) {
		this(kind, fileName, mode, dryRun, encoding, requestedBy, mapping, false);
	}

	/** An upload whose headers are matched automatically. */
	public ImportRequest(ImportKind kind, String fileName, ImportMode mode, boolean dryRun, @Nullable Charset encoding,
			String requestedBy) {
		this(kind, fileName, mode, dryRun, encoding, requestedBy, ColumnMapping.AUTOMATIC);
	}

}
