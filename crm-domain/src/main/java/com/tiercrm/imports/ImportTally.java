package com.tiercrm.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts the rows of one pass over a file and keeps its first errors.
 */
final class ImportTally {

	private final int maxErrors;

	private final List<RowError> errors = new ArrayList<>();

	int total;

	int valid;

	int invalid;

	int inserted;

	int updated;

	int unchanged;

	ImportTally(int maxErrors) {
		this.maxErrors = maxErrors;
	}

	void invalid(List<RowError> rowErrors) {
		this.invalid++;
		for (RowError error : rowErrors) {
			if (this.errors.size() < this.maxErrors) {
				this.errors.add(error);
			}
		}
	}

	/**
	 * Counts rows found invalid all at once, keeping their first errors (one per row).
	 */
	void invalid(long rows, List<RowError> firstErrors) {
		this.invalid += (int) rows;
		for (RowError error : firstErrors) {
			if (this.errors.size() < this.maxErrors) {
				this.errors.add(error);
			}
		}
	}

	/** The kept errors in file order. */
	List<RowError> errors() {
		return this.errors.stream().sorted(Comparator.comparingLong(RowError::row)).toList();
	}

	ImportCounts counts() {
		return new ImportCounts(this.total, this.valid, this.invalid, this.inserted, this.updated, this.unchanged);
	}

}
