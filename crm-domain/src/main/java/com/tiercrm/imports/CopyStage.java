package com.tiercrm.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import com.tiercrm.postgres.CopyTextBuffer;
import org.postgresql.PGConnection;

/**
 * The first step of a PostgreSQL fast path: every row of a file is parsed and validated
 * exactly as in the batched path, invalid rows are counted with their errors, and the
 * valid ones are streamed with {@code COPY} into a staging table.
 */
final class CopyStage {

	private static final int PROGRESS_EVERY = 20_000;

	private CopyStage() {
	}

	/**
	 * Writes one valid row as the staging table's columns, its row number first.
	 *
	 * @param <R> a valid row
	 */
	@FunctionalInterface
	interface RowWriter<R> {

		void write(R row, CopyTextBuffer copy) throws SQLException;

	}

	/**
	 * Parses every row and copies the valid ones into the staging table.
	 * @param table the staging table
	 * @param progress told how many rows were read so far; may throw to stop the import
	 * @return how many rows were staged
	 */
	static <R> long stage(Connection connection, String table, RowImport<R> rows, ImportFile file, ImportTally tally,
			IntConsumer progress, RowWriter<R> writer) throws SQLException {
		CopyTextBuffer copy = new CopyTextBuffer();
		copy.start(connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY " + table + " FROM STDIN (FORMAT text)"));
		try {
			for (ImportFile.Row row : file) {
				if (row.isBlank()) {
					continue;
				}
				tally.total++;
				List<RowError> rowErrors = new ArrayList<>(2);
				Optional<R> parsed = rows.parse(row, rowErrors::add);
				if (parsed.isEmpty()) {
					tally.invalid(rowErrors);
				}
				else {
					writer.write(parsed.get(), copy);
					copy.endRow();
				}
				if (tally.total % PROGRESS_EVERY == 0) {
					progress.accept(tally.total);
				}
			}
			long staged = copy.end();
			progress.accept(tally.total);
			return staged;
		}
		finally {
			copy.cancel();
		}
	}

}
