package com.tiercrm.tiering.run;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.tiercrm.database.DatabaseDialect;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes a run's per-customer results in bulk: COPY on PostgreSQL, batched inserts
 * elsewhere. One row per customer in {@code customer_segments} with the tier and the
 * columns of the models that have their own there; one row per customer and model in
 * {@code customer_model_results} for every other model. Runs inside the caller's
 * transaction.
 */
@Component
class SegmentWriter {

	private static final int BATCH = 1000;

	private static final byte[] BINARY_SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	private final DataSource dataSource;

	private final DatabaseDialect dialect;

	SegmentWriter(DataSource dataSource, DatabaseDialect dialect) {
		this.dataSource = dataSource;
		this.dialect = dialect;
	}

	void write(long runId, Segmentation segmentation) {
		List<ResultColumn> segments = segmentColumns(runId, segmentation);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			if (this.dialect.isPostgres()) {
				PGConnection pg = connection.unwrap(PGConnection.class);
				// Into a table of the run's own, indexed and attached as its partition
				// once full.
				String table = RunPartitions.CUSTOMER_SEGMENTS.create(connection, runId);
				copy(pg, table, segments, segmentation.size(), true);
				RunPartitions.CUSTOMER_SEGMENTS.attach(connection, runId);
				Map<String, Classification> others = others(segmentation);
				if (!others.isEmpty()) {
					String results = RunPartitions.MODEL_RESULTS.create(connection, runId);
					for (Map.Entry<String, Classification> other : others.entrySet()) {
						copy(pg, results, modelColumns(runId, segmentation, other.getKey(), other.getValue()),
								segmentation.size(), true);
					}
					RunPartitions.MODEL_RESULTS.attach(connection, runId);
				}
			}
			else {
				insert(connection, "customer_segments", segments, segmentation.size());
				for (Map.Entry<String, Classification> other : others(segmentation).entrySet()) {
					insert(connection, "customer_model_results",
							modelColumns(runId, segmentation, other.getKey(), other.getValue()), segmentation.size());
				}
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not write the results of run " + runId, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * The run, the customer, the tier and the money, then each built-in model's columns.
	 */
	static List<ResultColumn> segmentColumns(long runId, Segmentation z) {
		List<ResultColumn> columns = new ArrayList<>(List.of(ResultColumn.int8("run_id", runId),
				ResultColumn.int8("customer_id", z.customerIds), ResultColumn.text("tier", (i) -> z.tiers[i]),
				ResultColumn.int2("downgrade_streak", z.downgradeStreaks),
				ResultColumn.float8("gross_profit", z.totalGrossProfit),
				ResultColumn.float8("revenue", z.totalRevenue)));
		for (ModelResults results : z.results().values()) {
			if (results instanceof WideResults wide) {
				columns.addAll(wide.columns());
			}
		}
		return columns;
	}

	/** The results of models without columns of their own, by model code. */
	private static Map<String, Classification> others(Segmentation z) {
		Map<String, Classification> others = new LinkedHashMap<>();
		z.results().forEach((model, results) -> {
			if (results instanceof Classification classification) {
				others.put(model, classification);
			}
			else if (!(results instanceof WideResults)) {
				throw new IllegalStateException("Tier model " + model + " must return a Classification");
			}
		});
		return others;
	}

	private static List<ResultColumn> modelColumns(long runId, Segmentation z, String model, Classification results) {
		return List.of(ResultColumn.int8("run_id", runId), ResultColumn.text("model", (i) -> model),
				ResultColumn.int8("customer_id", z.customerIds), ResultColumn.text("class_code", results::classCode),
				ResultColumn.float8OrNull("score", results.scores()), ResultColumn.text("reason", results::reason));
	}

	/**
	 * Binary COPY: PostgreSQL reads the numbers as they are instead of parsing their
	 * text. {@code FREEZE} into a table new in this transaction: no hint bits to set and
	 * nothing to freeze later.
	 */
	private static void copy(PGConnection connection, String table, List<ResultColumn> columns, int rows,
			boolean newTable) throws SQLException, IOException {
		CopyIn copy = connection.getCopyAPI()
			.copyIn("COPY " + table + " (" + names(columns) + ") FROM STDIN (FORMAT binary"
					+ (newTable ? ", FREEZE" : "") + ")");
		try (DataOutputStream out = new DataOutputStream(
				new BufferedOutputStream(new PGCopyOutputStream(copy, 1 << 16), 1 << 16))) {
			out.write(BINARY_SIGNATURE);
			out.writeInt(0);
			out.writeInt(0);
			int count = columns.size();
			for (int i = 0; i < rows; i++) {
				out.writeShort(count);
				for (ResultColumn column : columns) {
					column.copy(out, i);
				}
			}
			out.writeShort(-1);
		}
	}

	private static void insert(Connection connection, String table, List<ResultColumn> columns, int rows)
			throws SQLException {
		String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
		try (PreparedStatement insert = connection
			.prepareStatement("insert into " + table + " (" + names(columns) + ") values (" + placeholders + ")")) {
			for (int i = 0; i < rows; i++) {
				for (int c = 0; c < columns.size(); c++) {
					Object value = columns.get(c).value(i);
					if (value == null) {
						insert.setNull(c + 1, Types.NULL);
					}
					else {
						insert.setObject(c + 1, value);
					}
				}
				insert.addBatch();
				if ((i + 1) % BATCH == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
	}

	private static String names(List<ResultColumn> columns) {
		return columns.stream().map(ResultColumn::name).collect(Collectors.joining(", "));
	}

	static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

}
