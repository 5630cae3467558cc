package com.tiercrm.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import com.tiercrm.interaction.LastContacts;
import com.tiercrm.postgres.CopyTextBuffer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports an interaction file into PostgreSQL set-based: the rows are parsed and
 * validated one by one as in the batched path and streamed with {@code COPY} into an
 * unindexed temporary table that keeps each row's number; rows repeated within the file
 * and unknown customers are found with two joins, each valid row is matched to the stored
 * interaction of its customer, type and time (the oldest, if there are several), then the
 * changed interactions are updated and the new ones inserted with one statement each, and
 * the last contact of every customer written to is recomputed. Runs inside the caller's
 * transaction: the temporary tables go with it, and a rollback (a failure, a cancel)
 * leaves nothing behind.
 */
final class PostgresInteractionLoad {

	private static final Log logger = LogFactory.getLog(PostgresInteractionLoad.class);

	private final JdbcTemplate jdbc;

	private final int maxErrors;

	PostgresInteractionLoad(JdbcTemplate jdbc, int maxErrors) {
		this.jdbc = jdbc;
		this.maxErrors = maxErrors;
	}

	/**
	 * Reads the whole file and, when {@code write} is set, merges its valid rows; in
	 * {@code all-or-nothing} mode only when every row is valid.
	 * @param progress told how many rows were read so far; may throw to stop the import
	 */
	ImportTally load(InteractionImport interactions, ImportFile file, boolean write, boolean allOrNothing,
			IntConsumer progress) {
		return this.jdbc.execute((ConnectionCallback<ImportTally>) (connection) -> {
			ImportTally tally = new ImportTally(this.maxErrors);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL work_mem = '128MB'");
				statement.execute("CREATE TEMPORARY TABLE import_interaction_stage (row_no BIGINT NOT NULL,"
						+ " customer_code TEXT NOT NULL, type TEXT NOT NULL,"
						+ " occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, satisfaction INTEGER, notes TEXT)"
						+ " ON COMMIT DROP");
				long start = System.nanoTime();
				long staged = CopyStage.stage(connection, "import_interaction_stage", interactions, file, tally,
						progress, PostgresInteractionLoad::append);
				long copied = System.nanoTime();
				statement.execute("ANALYZE import_interaction_stage");
				long rejected = reject(statement, interactions, tally);
				tally.valid = (int) (staged - rejected);
				match(statement, rejected > 0);
				long checked = System.nanoTime();
				try (ResultSet rs = statement.executeQuery(
						"SELECT count(*) FILTER (WHERE interaction_id IS NULL), count(*) FILTER (WHERE changed)"
								+ " FROM import_interaction_valid")) {
					rs.next();
					tally.inserted = rs.getInt(1);
					tally.updated = rs.getInt(2);
				}
				tally.unchanged = tally.valid - tally.inserted - tally.updated;
				if (write && (!allOrNothing || tally.invalid == 0)) {
					merge(statement);
				}
				if (logger.isDebugEnabled()) {
					logger.debug(String.format(Locale.ROOT,
							"%d interaction rows: parse and copy %.2f s, checks %.2f s, %s %.2f s", tally.total,
							(copied - start) / 1e9, (checked - copied) / 1e9, write ? "merge" : "compare",
							(System.nanoTime() - checked) / 1e9));
				}
			}
			return tally;
		});
	}

	private static void append(InteractionImport.InteractionRow row, CopyTextBuffer copy) throws SQLException {
		copy.number(row.row());
		copy.text(row.customerCode());
		copy.text(row.type().name());
		copy.text(row.occurredAt().toString());
		copy.nullableNumber((row.satisfaction() != null) ? Long.valueOf(row.satisfaction()) : null);
		copy.nullableText(row.notes());
	}

	/**
	 * Finds the staged rows that repeat an earlier row's customer, type and time or name
	 * an unknown customer, counts them as invalid with their first errors, and returns
	 * how many there are. A repeated row is reported as such even when its customer is
	 * unknown too.
	 */
	private long reject(Statement statement, InteractionImport interactions, ImportTally tally) throws SQLException {
		statement.execute("""
				CREATE TEMPORARY TABLE import_interaction_rejected ON COMMIT DROP AS
				SELECT s.row_no, TRUE AS duplicate FROM import_interaction_stage s
				  JOIN (SELECT customer_code, type, occurred_at, min(row_no) AS first_row FROM import_interaction_stage
				        GROUP BY customer_code, type, occurred_at HAVING count(*) > 1) d
				    ON d.customer_code = s.customer_code AND d.type = s.type AND d.occurred_at = s.occurred_at
				   AND s.row_no > d.first_row""");
		statement.execute("""
				INSERT INTO import_interaction_rejected (row_no, duplicate)
				SELECT s.row_no, FALSE FROM import_interaction_stage s
				WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.code = s.customer_code)
				  AND NOT EXISTS (SELECT 1 FROM import_interaction_rejected r WHERE r.row_no = s.row_no)""");
		long count;
		try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM import_interaction_rejected")) {
			rs.next();
			count = rs.getLong(1);
		}
		if (count == 0) {
			return 0;
		}
		List<RowError> errors = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("SELECT r.row_no, r.duplicate, s.customer_code"
				+ " FROM import_interaction_rejected r JOIN import_interaction_stage s ON s.row_no = r.row_no"
				+ " ORDER BY r.row_no LIMIT " + this.maxErrors)) {
			while (rs.next()) {
				errors.add(rs.getBoolean(2) ? interactions.duplicate(rs.getLong(1), rs.getString(3))
						: interactions.unknownCustomer(rs.getLong(1), rs.getString(3)));
			}
		}
		tally.invalid(count, errors);
		return count;
	}

	/**
	 * Keeps the valid rows with their customer's id, the stored interaction they match
	 * (none for a new one) and whether they change it.
	 */
	private static void match(Statement statement, boolean anyRejected) throws SQLException {
		statement.execute("""
				CREATE TEMPORARY TABLE import_interaction_valid ON COMMIT DROP AS
				SELECT s.row_no, c.id AS customer_id, s.type, s.occurred_at, s.satisfaction, s.notes,
				       i.id AS interaction_id,
				       (i.id IS NOT NULL AND (i.satisfaction::INTEGER, i.notes::TEXT)
				            IS DISTINCT FROM (s.satisfaction, s.notes)) AS changed
				FROM import_interaction_stage s JOIN customers c ON c.code = s.customer_code
				LEFT JOIN LATERAL (SELECT id, satisfaction, notes FROM interactions
				                   WHERE customer_id = c.id AND type = s.type AND occurred_at = s.occurred_at
				                   ORDER BY id LIMIT 1) i ON TRUE
				""" + (anyRejected
				? "WHERE NOT EXISTS (SELECT 1 FROM import_interaction_rejected r WHERE r.row_no = s.row_no)" : ""));
	}

	/**
	 * Updates the changed interactions, inserts the new ones (in customer and time order,
	 * along the interactions' index) and recomputes the last contact of their customers.
	 */
	private void merge(Statement statement) throws SQLException {
		statement.executeLargeUpdate("UPDATE interactions i SET satisfaction = v.satisfaction, notes = v.notes"
				+ " FROM import_interaction_valid v WHERE i.id = v.interaction_id AND v.changed");
		statement.executeLargeUpdate("INSERT INTO interactions (customer_id, type, occurred_at, satisfaction, notes)"
				+ " SELECT customer_id, type, occurred_at, satisfaction, notes FROM import_interaction_valid"
				+ " WHERE interaction_id IS NULL ORDER BY customer_id, occurred_at, row_no");
		LastContacts.recomputeSelected(this.jdbc,
				"SELECT customer_id FROM import_interaction_valid WHERE interaction_id IS NULL OR changed");
	}

}
