package com.tiercrm.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * The floor an import is measured against: PostgreSQL's own {@code COPY} of rows already
 * in their stored form into a copy of the table the import writes to, with the table's
 * rows, every index and the foreign keys named, committed. The copy is dropped afterwards
 * and a checkpoint taken, so that the import starts from the same state.
 */
final class TableCopyFloor {

	private TableCopyFloor() {
	}

	/**
	 * @param table the table to copy, its identity column {@code id}
	 * @param columns the columns of the COPY
	 * @param foreignKeys the foreign keys to add, e.g.
	 * {@code (owner_id) REFERENCES users (id)}
	 * @param copyText the rows in COPY text format
	 * @return the seconds the COPY and its commit took
	 */
	static double seconds(DataSource dataSource, String table, String columns, List<String> foreignKeys, Path copyText)
			throws SQLException, IOException {
		String copy = "import_benchmark_" + table;
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				Reader in = Files.newBufferedReader(copyText, StandardCharsets.UTF_8)) {
			statement.execute("DROP TABLE IF EXISTS " + copy);
			statement.execute("CREATE TABLE " + copy + " (LIKE " + table + " INCLUDING ALL EXCLUDING INDEXES)");
			statement.execute("INSERT INTO " + copy + " SELECT * FROM " + table);
			List<String> indexes = new ArrayList<>();
			try (ResultSet rs = statement
				.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = '"
						+ table + "'")) {
				while (rs.next()) {
					indexes.add(rs.getString(1));
				}
			}
			for (String index : indexes) {
				statement.execute(index.replaceFirst(" INDEX (\\S+) ON (\\S+) ", " INDEX $1_bench ON " + copy + " "));
			}
			for (String foreignKey : foreignKeys) {
				statement.execute("ALTER TABLE " + copy + " ADD FOREIGN KEY " + foreignKey);
			}
			long next;
			try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM " + table)) {
				rs.next();
				next = rs.getLong(1);
			}
			statement.execute("ALTER TABLE " + copy + " ALTER COLUMN id RESTART WITH " + next);
			statement.execute("VACUUM ANALYZE " + copy);
			statement.execute("CHECKPOINT");
			connection.setAutoCommit(false);
			long start = System.nanoTime();
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + copy + " (" + columns + ") FROM STDIN", in);
			connection.commit();
			double seconds = (System.nanoTime() - start) / 1e9;
			connection.setAutoCommit(true);
			statement.execute("DROP TABLE " + copy);
			statement.execute("CHECKPOINT");
			return seconds;
		}
	}

}
