package com.tiercrm.imports;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How one kind of file is read and written: rows are parsed one by one, then matched
 * against the database and written a chunk at a time.
 *
 * @param <R> a valid, normalised row
 */
interface RowImport<R> {

	/** The valid row, or empty after reporting each problem. */
	Optional<R> parse(ImportFile.Row row, Consumer<RowError> errors);

	/**
	 * What identifies the row's record within the file; a second row with the same key is
	 * refused with the error this returns.
	 */
	String key(R row);

	RowError duplicate(R row);

	/**
	 * Matches the rows with what is stored, counts them as valid (inserted, updated or
	 * unchanged) or invalid (referring to something that does not exist), and writes them
	 * when asked to.
	 */
	void apply(List<R> chunk, ImportTally tally, boolean write);

}
