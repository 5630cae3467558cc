package com.tiercrm.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import com.tiercrm.orderfacts.OrderFacts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports an order file into PostgreSQL set-based: the rows are parsed and validated one
 * by one as usual and streamed with {@code COPY} into an unindexed temporary table that
 * keeps each row's number; customer codes, duplicates within the file and stored orders
 * are then resolved with a few joins, and the valid rows are merged with one
 * {@code INSERT … ON CONFLICT (order_no) DO UPDATE} that leaves unchanged orders alone.
 * Runs inside the caller's transaction: the temporary tables go with it, and a rollback
 * (a failure, a cancel) leaves nothing behind.
 */
final class PostgresOrderLoad {

	private static final Log logger = LogFactory.getLog(PostgresOrderLoad.class);

	private static final int PROGRESS_EVERY = 20_000;

	private static final int FLUSH_CHARS = 1 << 16;

	private final JdbcTemplate jdbc;

	private final int maxErrors;

	private final OrderFacts facts;

	PostgresOrderLoad(JdbcTemplate jdbc, int maxErrors, OrderFacts facts) {
		this.jdbc = jdbc;
		this.maxErrors = maxErrors;
		this.facts = facts;
	}

	/**
	 * Reads the whole file and, when {@code write} is set, merges its valid rows; in
	 * {@code all-or-nothing} mode only when every row is valid.
	 * @param progress told how many rows were read so far; may throw to stop the import
	 */
	ImportTally load(OrderImport orders, ImportFile file, boolean write, boolean allOrNothing, IntConsumer progress) {
		return this.jdbc.execute((ConnectionCallback<ImportTally>) (connection) -> {
			ImportTally tally = new ImportTally(this.maxErrors);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL work_mem = '128MB'");
				statement.execute("CREATE TEMPORARY TABLE import_order_stage (row_no BIGINT NOT NULL,"
						+ " order_no TEXT NOT NULL, customer_code TEXT NOT NULL, ordered_at TIMESTAMP WITH TIME ZONE"
						+ " NOT NULL, amount NUMERIC NOT NULL, gross_profit NUMERIC, channel TEXT, status TEXT NOT NULL)"
						+ " ON COMMIT DROP");
				long start = System.nanoTime();
				long staged = stage(connection, orders, file, tally, progress);
				long copied = System.nanoTime();
				statement.execute("ANALYZE import_order_stage");
				long rejected = reject(statement, orders, tally);
				tally.valid = (int) (staged - rejected);
				long checked = System.nanoTime();
				if (write && (!allOrNothing || tally.invalid == 0)) {
					merge(statement, orders, tally);
				}
				else {
					compare(statement, orders, tally);
				}
				if (logger.isDebugEnabled()) {
					logger.debug(String.format(java.util.Locale.ROOT,
							"%d order rows: parse and copy %.2f s, checks %.2f s, %s %.2f s", tally.total,
							(copied - start) / 1e9, (checked - copied) / 1e9, write ? "merge" : "compare",
							(System.nanoTime() - checked) / 1e9));
				}
			}
			return tally;
		});
	}

	/** Parses every row and copies the valid ones into the staging table. */
	private long stage(Connection connection, OrderImport orders, ImportFile file, ImportTally tally,
			IntConsumer progress) throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY import_order_stage FROM STDIN (FORMAT text)");
		try {
			StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 1024);
			for (ImportFile.Row row : file) {
				if (row.isBlank()) {
					continue;
				}
				tally.total++;
				List<RowError> rowErrors = new ArrayList<>(2);
				Optional<OrderImport.OrderRow> parsed = orders.parse(row, rowErrors::add);
				if (parsed.isEmpty()) {
					tally.invalid(rowErrors);
				}
				else {
					append(buffer, parsed.get());
					if (buffer.length() >= FLUSH_CHARS) {
						send(copy, buffer);
					}
				}
				if (tally.total % PROGRESS_EVERY == 0) {
					progress.accept(tally.total);
				}
			}
			send(copy, buffer);
			long staged = copy.endCopy();
			progress.accept(tally.total);
			return staged;
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static void append(StringBuilder buffer, OrderImport.OrderRow row) {
		buffer.append(row.row()).append('\t');
		text(buffer, row.orderNo());
		buffer.append('\t');
		text(buffer, row.customerCode());
		buffer.append('\t').append(row.orderedAt()).append('\t').append(row.amount().toPlainString()).append('\t');
		if (row.grossProfit() != null) {
			buffer.append(row.grossProfit().toPlainString());
		}
		else {
			buffer.append("\\N");
		}
		buffer.append('\t');
		if (row.channel() != null) {
			text(buffer, row.channel());
		}
		else {
			buffer.append("\\N");
		}
		buffer.append('\t').append(row.status().name()).append('\n');
	}

	private static void text(StringBuilder buffer, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> buffer.append("\\\\");
				case '\t' -> buffer.append("\\t");
				case '\n' -> buffer.append("\\n");
				case '\r' -> buffer.append("\\r");
				default -> buffer.append(c);
			}
		}
	}

	private static void send(CopyIn copy, StringBuilder buffer) throws SQLException {
		if (buffer.isEmpty()) {
			return;
		}
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	/**
	 * Finds the staged rows that repeat an earlier row's order number or name an unknown
	 * customer, counts them as invalid with their first errors, and returns how many
	 * there are. A repeated row is reported as such even when its customer is unknown
	 * too.
	 */
	private long reject(Statement statement, OrderImport orders, ImportTally tally) throws SQLException {
		statement.execute("""
				CREATE TEMPORARY TABLE import_order_rejected ON COMMIT DROP AS
				SELECT s.row_no, TRUE AS duplicate FROM import_order_stage s
				  JOIN (SELECT order_no, min(row_no) AS first_row FROM import_order_stage
				        GROUP BY order_no HAVING count(*) > 1) d
				    ON d.order_no = s.order_no AND s.row_no > d.first_row""");
		statement.execute("""
				INSERT INTO import_order_rejected (row_no, duplicate)
				SELECT s.row_no, FALSE FROM import_order_stage s
				WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.code = s.customer_code)
				  AND NOT EXISTS (SELECT 1 FROM import_order_rejected r WHERE r.row_no = s.row_no)""");
		long count;
		try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM import_order_rejected")) {
			rs.next();
			count = rs.getLong(1);
		}
		if (count == 0) {
			return 0;
		}
		List<RowError> errors = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery("SELECT r.row_no, r.duplicate, s.order_no, s.customer_code"
				+ " FROM import_order_rejected r JOIN import_order_stage s ON s.row_no = r.row_no ORDER BY r.row_no"
				+ " LIMIT " + this.maxErrors)) {
			while (rs.next()) {
				errors.add(rs.getBoolean(2) ? orders.duplicate(rs.getLong(1), rs.getString(3))
						: orders.unknownCustomer(rs.getLong(1), rs.getString(4)));
			}
		}
		tally.invalid(count, errors);
		return count;
	}

	/** The valid staged rows with their customer's id. */
	private static final String VALID_ROWS = """
			SELECT s.order_no, c.id AS customer_id, s.ordered_at, s.amount::NUMERIC(18, 4) AS amount,
			       COALESCE(s.gross_profit, 0)::NUMERIC(18, 4) AS gross_profit, s.channel, s.status
			FROM import_order_stage s JOIN customers c ON c.code = s.customer_code
			WHERE NOT EXISTS (SELECT 1 FROM import_order_rejected r WHERE r.row_no = s.row_no)""";

	/**
	 * Inserts the new orders and updates the changed ones in one statement; PostgreSQL
	 * tells inserted from updated rows by their {@code xmax}.
	 */
	private void merge(Statement statement, OrderImport orders, ImportTally tally) throws SQLException {
		List<String> columns = changeableColumns(orders);
		StringBuilder set = new StringBuilder();
		StringBuilder stored = new StringBuilder();
		StringBuilder incoming = new StringBuilder();
		for (String column : columns) {
			String separator = set.isEmpty() ? "" : ", ";
			set.append(separator).append(column).append(" = EXCLUDED.").append(column);
			stored.append(separator).append("o.").append(column);
			incoming.append(separator).append("EXCLUDED.").append(column);
		}
		// The kept order facts: the customers whose orders change, before (an order moved
		// to another customer) and after, are recomputed once the orders are in. The
		// facts' lock is taken first, so that no rebuild comes between. A large file
		// marks them stale instead, once its orders are in: the lock is then held only
		// from there to the commit, and order saves meanwhile do not wait for the merge.
		boolean keepFacts = this.facts.lockCurrentFor(tally.valid);
		String changed = "";
		if (keepFacts) {
			statement.execute(
					"CREATE TEMPORARY TABLE import_order_customers (customer_id BIGINT NOT NULL)" + " ON COMMIT DROP");
			statement.execute("INSERT INTO import_order_customers SELECT o.customer_id FROM sales_orders o"
					+ " JOIN import_order_stage s ON s.order_no = o.order_no");
			changed = ", changed AS (INSERT INTO import_order_customers SELECT DISTINCT customer_id FROM merged)";
		}
		String sql = "WITH merged AS (INSERT INTO sales_orders AS o (order_no, customer_id, ordered_at, amount,"
				+ " gross_profit, channel, status) " + VALID_ROWS + " ORDER BY c.id, s.ordered_at"
				+ " ON CONFLICT (order_no) DO UPDATE SET " + set + ", version = o.version + 1 WHERE (" + stored
				+ ") IS DISTINCT FROM (" + incoming + ") RETURNING (o.xmax = 0) AS inserted, o.customer_id)" + changed
				+ " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged";
		counts(statement, sql, tally);
		if (keepFacts) {
			this.facts.refreshSelected("SELECT DISTINCT customer_id FROM import_order_customers");
		}
		else {
			this.facts.markStale();
		}
	}

	/** Counts what a merge would do, without writing. */
	private void compare(Statement statement, OrderImport orders, ImportTally tally) throws SQLException {
		List<String> columns = changeableColumns(orders);
		StringBuilder stored = new StringBuilder();
		StringBuilder incoming = new StringBuilder();
		for (String column : columns) {
			String separator = stored.isEmpty() ? "" : ", ";
			stored.append(separator).append("o.").append(column);
			incoming.append(separator).append("v.").append(column);
		}
		String sql = "SELECT count(*) FILTER (WHERE o.id IS NULL), count(*) FILTER (WHERE o.id IS NOT NULL AND ("
				+ stored + ") IS DISTINCT FROM (" + incoming + ")) FROM (" + VALID_ROWS
				+ ") v LEFT JOIN sales_orders o ON o.order_no = v.order_no";
		counts(statement, sql, tally);
	}

	private static void counts(Statement statement, String sql, ImportTally tally) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			tally.inserted = rs.getInt(1);
			tally.updated = rs.getInt(2);
			tally.unchanged = tally.valid - tally.inserted - tally.updated;
		}
	}

	/** The columns a file changes: without a column, the stored value stays. */
	private static List<String> changeableColumns(OrderImport orders) {
		List<String> columns = new ArrayList<>(List.of("customer_id", "ordered_at", "amount", "status"));
		if (orders.setsGrossProfit()) {
			columns.add("gross_profit");
		}
		if (orders.setsChannel()) {
			columns.add("channel");
		}
		return columns;
	}

}
