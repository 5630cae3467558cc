package com.tiercrm.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import com.tiercrm.bookorder.BookKeys;
import com.tiercrm.postgres.CopyTextBuffer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports a customer file into PostgreSQL set-based: the rows are parsed and validated
 * one by one as in the batched path and streamed with {@code COPY} into an unindexed
 * temporary table that keeps each row's number; codes repeated within the file, unknown
 * owners and the customers already stored are found with three joins, then the changed
 * customers are updated with one {@code UPDATE … FROM} and the new ones inserted, in file
 * order, with one {@code INSERT … SELECT}. Runs inside the caller's transaction: the
 * temporary tables go with it, and a rollback (a failure, a cancel) leaves nothing
 * behind.
 */
final class PostgresCustomerLoad {

	private static final Log logger = LogFactory.getLog(PostgresCustomerLoad.class);

	private final JdbcTemplate jdbc;

	private final int maxErrors;

	PostgresCustomerLoad(JdbcTemplate jdbc, int maxErrors) {
		this.jdbc = jdbc;
		this.maxErrors = maxErrors;
	}

	/**
	 * Reads the whole file and, when {@code write} is set, merges its valid rows; in
	 * {@code all-or-nothing} mode only when every row is valid.
	 * @param progress told how many rows were read so far; may throw to stop the import
	 */
	ImportTally load(CustomerImport customers, ImportFile file, boolean write, boolean allOrNothing,
			IntConsumer progress) {
		return this.jdbc.execute((ConnectionCallback<ImportTally>) (connection) -> {
			ImportTally tally = new ImportTally(this.maxErrors);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL work_mem = '128MB'");
				statement.execute("CREATE TEMPORARY TABLE import_customer_stage (row_no BIGINT NOT NULL,"
						+ " code TEXT NOT NULL, name TEXT NOT NULL, type TEXT, phone TEXT, phone_display TEXT, email TEXT,"
						+ " province TEXT, city TEXT, region TEXT, industry TEXT, status TEXT, owner TEXT, referred_by TEXT) ON COMMIT DROP");
				long start = System.nanoTime();
				long staged = CopyStage.stage(connection, "import_customer_stage", customers, file, tally, progress,
						PostgresCustomerLoad::append);
				long copied = System.nanoTime();
				statement.execute("ANALYZE import_customer_stage");
				long rejected = reject(statement, customers, tally);
				tally.valid = (int) (staged - rejected);
				boolean anyStored = match(statement);
				long checked = System.nanoTime();
				String valid = validRows(rejected > 0);
				if (write && (!allOrNothing || tally.invalid == 0)) {
					customers.storeAddedReferenceData();
					if (anyStored) {
						tally.updated = (int) statement.executeLargeUpdate(update(customers, valid));
					}
					tally.inserted = (int) statement.executeLargeUpdate(insert(valid, anyStored));
					// Every staged code that is stored now: the rows just inserted and
					// updated, and a few unchanged ones.
					BookKeys.syncSelected(this.jdbc,
							"SELECT c.id FROM import_customer_stage s JOIN customers c ON c.code = s.code");
				}
				else {
					compare(statement, customers, valid, tally);
				}
				tally.unchanged = tally.valid - tally.inserted - tally.updated;
				if (logger.isDebugEnabled()) {
					logger.debug(String.format(Locale.ROOT,
							"%d customer rows: parse and copy %.2f s, checks %.2f s, %s %.2f s", tally.total,
							(copied - start) / 1e9, (checked - copied) / 1e9, write ? "merge" : "compare",
							(System.nanoTime() - checked) / 1e9));
				}
			}
			return tally;
		});
	}

	private static void append(CustomerRow row, CopyTextBuffer copy) throws SQLException {
		copy.number(row.row());
		copy.text(row.code());
		copy.text(row.name());
		copy.nullableText((row.type() != null) ? row.type().name() : null);
		copy.nullableText(row.phone());
		copy.nullableText(row.storedPhoneDisplay());
		copy.nullableText(row.email());
		copy.nullableText(row.province());
		copy.nullableText(row.city());
		copy.nullableText(row.region());
		copy.nullableText(row.industry());
		copy.nullableText((row.status() != null) ? row.status().name() : null);
		copy.nullableText(row.owner());
		copy.nullableText(row.referredBy());
	}

	/**
	 * Finds the staged rows that repeat an earlier row's code or name an unknown owner,
	 * counts them as invalid with their first errors, and returns how many there are. A
	 * repeated row is reported as such even when its owner is unknown too.
	 */
	private long reject(Statement statement, CustomerImport customers, ImportTally tally) throws SQLException {
		statement.execute("""
				CREATE TEMPORARY TABLE import_customer_rejected ON COMMIT DROP AS
				SELECT s.row_no, 'DUPLICATE' AS reason FROM import_customer_stage s
				  JOIN (SELECT code, min(row_no) AS first_row FROM import_customer_stage
				        GROUP BY code HAVING count(*) > 1) d
				    ON d.code = s.code AND s.row_no > d.first_row""");
		if (customers.sets(CustomerColumn.OWNER)) {
			statement.execute("""
					INSERT INTO import_customer_rejected (row_no, reason)
					SELECT s.row_no, 'OWNER' FROM import_customer_stage s
					WHERE s.owner IS NOT NULL
					  AND NOT EXISTS (SELECT 1 FROM users u WHERE u.username = s.owner)
					  AND NOT EXISTS (SELECT 1 FROM import_customer_rejected r WHERE r.row_no = s.row_no)""");
		}
		if (customers.sets(CustomerColumn.REFERRED_BY)) {
			statement.execute("""
					INSERT INTO import_customer_rejected (row_no, reason)
					SELECT s.row_no, 'REFERRER' FROM import_customer_stage s
					WHERE s.referred_by IS NOT NULL
					  AND (s.referred_by = s.code OR NOT EXISTS (SELECT 1 FROM customers c
					       WHERE c.code = s.referred_by AND c.status <> 'MERGED'))
					  AND NOT EXISTS (SELECT 1 FROM import_customer_rejected r WHERE r.row_no = s.row_no)""");
		}
		if (customers.sets(CustomerColumn.STATUS)) {
			statement.execute("""
					INSERT INTO import_customer_rejected (row_no, reason)
					SELECT s.row_no, 'MERGED' FROM import_customer_stage s
					  JOIN customers c ON c.code = s.code AND c.status = 'MERGED'
					WHERE s.status IS NOT NULL
					  AND NOT EXISTS (SELECT 1 FROM import_customer_rejected r WHERE r.row_no = s.row_no)""");
		}
		long count;
		try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM import_customer_rejected")) {
			rs.next();
			count = rs.getLong(1);
		}
		if (count == 0) {
			return 0;
		}
		List<RowError> errors = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("SELECT r.row_no, r.reason, s.code, s.owner, s.status, s.referred_by"
				+ " FROM import_customer_rejected r JOIN import_customer_stage s ON s.row_no = r.row_no"
				+ " ORDER BY r.row_no LIMIT " + this.maxErrors)) {
			while (rs.next()) {
				long row = rs.getLong(1);
				errors.add(switch (rs.getString(2)) {
					case "DUPLICATE" -> customers.duplicate(row, rs.getString(3));
					case "OWNER" -> customers.unknownOwner(row, rs.getString(4));
					case "REFERRER" -> customers.unknownReferrer(row, rs.getString(6));
					default -> customers.mergedCustomer(row, rs.getString(5));
				});
			}
		}
		tally.invalid(count, errors);
		return count;
	}

	/**
	 * Finds the stored customers of the staged rows, with one join over the customers,
	 * and returns whether there are any.
	 */
	private static boolean match(Statement statement) throws SQLException {
		statement.execute("""
				CREATE TEMPORARY TABLE import_customer_stored ON COMMIT DROP AS
				SELECT s.row_no, c.id AS customer_id FROM import_customer_stage s
				  JOIN customers c ON c.code = s.code""");
		try (ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM import_customer_stored)")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	/** The valid staged rows with their owner's id. */
	private static String validRows(boolean anyRejected) {
		return "SELECT s.*, u.id AS owner_id, rf.id AS referred_by_id FROM import_customer_stage s"
				+ " LEFT JOIN users u ON u.username = s.owner"
				+ " LEFT JOIN customers rf ON rf.code = s.referred_by AND rf.status <> 'MERGED'"
				+ (anyRejected
						? " WHERE NOT EXISTS (SELECT 1 FROM import_customer_rejected r" + " WHERE r.row_no = s.row_no)"
						: "");
	}

	/**
	 * Updates the stored customers a row changes, as the batched path does: the name
	 * always, type and status when the row gives them, the other columns when the file
	 * has them (an empty cell clears the value).
	 */
	private static String update(CustomerImport customers, String valid) {
		StringBuilder set = new StringBuilder(
				"name = v.name, type = COALESCE(v.type, c.type)," + " status = COALESCE(v.status, c.status)");
		for (String column : setColumns(customers)) {
			set.append(", ").append(column).append(" = v.").append(column);
		}
		return "UPDATE customers c SET " + set + ", updated_at = now(), version = c.version + 1 FROM (" + valid
				+ ") v JOIN import_customer_stored m ON m.row_no = v.row_no WHERE c.id = m.customer_id AND "
				+ differs(customers);
	}

	/** Inserts the customers whose codes are not stored yet, in file order. */
	private static String insert(String valid, boolean anyStored) {
		return "INSERT INTO customers (code, name, type, phone, phone_display, email, province, city, region, industry,"
				+ " owner_id, referred_by_id, status, created_at, updated_at, version) SELECT v.code, v.name,"
				+ " COALESCE(v.type, 'ENTERPRISE'), v.phone, v.phone_display, v.email, v.province, v.city, v.region,"
				+ " v.industry, v.owner_id, v.referred_by_id, COALESCE(v.status, 'ACTIVE'), now(), now(), 0 FROM ("
				+ valid + ") v" + (anyStored
						? " WHERE NOT EXISTS (SELECT 1 FROM import_customer_stored m WHERE m.row_no = v.row_no)" : "")
				+ " ORDER BY v.row_no";
	}

	/** Counts what a merge would do, without writing. */
	private static void compare(Statement statement, CustomerImport customers, String valid, ImportTally tally)
			throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT count(*) FILTER (WHERE c.id IS NULL),"
				+ " count(*) FILTER (WHERE c.id IS NOT NULL AND " + differs(customers) + ") FROM (" + valid
				+ ") v LEFT JOIN import_customer_stored m ON m.row_no = v.row_no"
				+ " LEFT JOIN customers c ON c.id = m.customer_id")) {
			rs.next();
			tally.inserted = rs.getInt(1);
			tally.updated = rs.getInt(2);
		}
	}

	/** Whether a valid row {@code v} changes its stored customer {@code c}. */
	private static String differs(CustomerImport customers) {
		StringBuilder differs = new StringBuilder("(c.name <> v.name OR c.type <> COALESCE(v.type, c.type)"
				+ " OR c.status <> COALESCE(v.status, c.status)");
		for (String column : setColumns(customers)) {
			differs.append(" OR c.").append(column).append(" IS DISTINCT FROM v.").append(column);
		}
		return differs.append(')').toString();
	}

	/** The columns the file sets, besides name, type and status. */
	private static List<String> setColumns(CustomerImport customers) {
		List<String> columns = new ArrayList<>();
		if (customers.sets(CustomerColumn.PHONE)) {
			columns.addAll(List.of("phone", "phone_display"));
		}
		if (customers.sets(CustomerColumn.EMAIL)) {
			columns.add("email");
		}
		if (customers.setsLocation()) {
			columns.addAll(List.of("province", "city", "region"));
		}
		if (customers.sets(CustomerColumn.INDUSTRY)) {
			columns.add("industry");
		}
		if (customers.sets(CustomerColumn.OWNER)) {
			columns.add("owner_id");
		}
		if (customers.sets(CustomerColumn.REFERRED_BY)) {
			columns.add("referred_by_id");
		}
		return columns;
	}

}
