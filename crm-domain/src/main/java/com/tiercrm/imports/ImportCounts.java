package com.tiercrm.imports;

/**
 * What an import found and did. In a dry run, inserted, updated and unchanged say what a
 * commit would do: nothing, in all-or-nothing mode with invalid rows.
 *
 * @param total data rows read (blank rows not counted)
 * @param valid rows that passed validation
 * @param invalid rows refused, each with at least one {@link RowError}
 * @param inserted new records
 * @param updated existing records changed by the file
 * @param unchanged existing records the file leaves as they are
 */
public record ImportCounts(int total, int valid, int invalid, int inserted, int updated, int unchanged) {

	/** The same rows read and checked, none of them written. */
	public ImportCounts nothingWritten() {
		return new ImportCounts(this.total, this.valid, this.invalid, 0, 0, 0);
	}

}
