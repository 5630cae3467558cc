package com.tiercrm.tiering.run;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

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
 * elsewhere. Runs inside the caller's transaction.
 */
@Component
class SegmentWriter {

	static final String COLUMNS = "run_id, customer_id, abc_class, abc_value, abc_rank, abc_share_before, abc_reason,"
			+ " recency_days, frequency, monetary, r_score, f_score, m_score, rfm_segment, rfm_reason,"
			+ " clv_historical, clv_predicted, clv_method, p_alive, expected_purchases, expected_spend, clv_rank,"
			+ " clv_class, clv_reason, tier, downgrade_streak, gross_profit, revenue";

	private static final int COLUMN_COUNT = 28;

	private static final int BATCH = 1000;

	private static final byte[] BINARY_SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	private final DataSource dataSource;

	private final DatabaseDialect dialect;

	SegmentWriter(DataSource dataSource, DatabaseDialect dialect) {
		this.dataSource = dataSource;
		this.dialect = dialect;
	}

	void write(long runId, Segmentation segmentation) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			if (this.dialect.isPostgres()) {
				// Into a table of the run's own, indexed and attached as its partition
				// once full.
				String table = RunPartitions.CUSTOMER_SEGMENTS.create(connection, runId);
				copy(connection.unwrap(PGConnection.class), table, runId, segmentation);
				RunPartitions.CUSTOMER_SEGMENTS.attach(connection, runId);
			}
			else {
				insert(connection, runId, segmentation);
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
	 * Binary COPY: PostgreSQL reads the numbers as they are instead of parsing their
	 * text. {@code FREEZE} since the table is new in this transaction: no hint bits to
	 * set and nothing to freeze later.
	 */
	private void copy(PGConnection connection, String table, long runId, Segmentation segmentation)
			throws SQLException, IOException {
		CopyIn copy = connection.getCopyAPI()
			.copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT binary, FREEZE)");
		try (DataOutputStream out = new DataOutputStream(
				new BufferedOutputStream(new PGCopyOutputStream(copy, 1 << 16), 1 << 16))) {
			out.write(BINARY_SIGNATURE);
			out.writeInt(0);
			out.writeInt(0);
			Segmentation z = segmentation;
			for (int i = 0; i < z.size(); i++) {
				out.writeShort(COLUMN_COUNT);
				int8(out, runId);
				int8(out, z.customerIds[i]);
				text(out, z.abcClass(i).name());
				float8(out, z.abcValue[i]);
				int4(out, z.abcRank[i]);
				float8(out, z.abcShareBefore[i]);
				text(out, z.abcReason.encode(i));
				if (z.recencyDays[i] >= 0) {
					int4(out, z.recencyDays[i]);
				}
				else {
					out.writeInt(-1);
				}
				int4(out, z.frequency[i]);
				float8(out, z.monetary[i]);
				int2(out, z.recencyScore[i]);
				int2(out, z.frequencyScore[i]);
				int2(out, z.monetaryScore[i]);
				text(out, z.rfmSegment(i).name());
				text(out, z.rfmReason.encode(i));
				float8(out, z.clvHistorical[i]);
				float8(out, z.clvPredicted[i]);
				text(out, z.clvMethod(i).name());
				nullableFloat8(out, z.probabilityAlive[i]);
				nullableFloat8(out, z.expectedPurchases[i]);
				nullableFloat8(out, z.expectedSpend[i]);
				int4(out, z.clvRank[i]);
				text(out, z.clvClass(i).name());
				text(out, z.clvReason.encode(i));
				text(out, z.tiers[i]);
				int2(out, z.downgradeStreaks[i]);
				float8(out, z.totalGrossProfit[i]);
				float8(out, z.totalRevenue[i]);
			}
			out.writeShort(-1);
		}
	}

	private static void int8(DataOutputStream out, long value) throws IOException {
		out.writeInt(8);
		out.writeLong(value);
	}

	private static void int4(DataOutputStream out, int value) throws IOException {
		out.writeInt(4);
		out.writeInt(value);
	}

	private static void int2(DataOutputStream out, int value) throws IOException {
		out.writeInt(2);
		out.writeShort(value);
	}

	private static void float8(DataOutputStream out, double value) throws IOException {
		out.writeInt(8);
		out.writeDouble(value);
	}

	private static void nullableFloat8(DataOutputStream out, double value) throws IOException {
		if (Double.isFinite(value)) {
			float8(out, value);
		}
		else {
			out.writeInt(-1);
		}
	}

	private static void text(DataOutputStream out, String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private void insert(Connection connection, long runId, Segmentation segmentation) throws SQLException {
		String placeholders = String.join(", ", java.util.Collections.nCopies(COLUMN_COUNT, "?"));
		try (PreparedStatement insert = connection
			.prepareStatement("insert into customer_segments (" + COLUMNS + ") values (" + placeholders + ")")) {
			for (int i = 0; i < segmentation.size(); i++) {
				Object[] row = row(runId, segmentation, i);
				for (int c = 0; c < row.length; c++) {
					if (row[c] == null) {
						insert.setNull(c + 1, Types.NULL);
					}
					else {
						insert.setObject(c + 1, row[c]);
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

	private static @Nullable Object[] row(long runId, Segmentation z, int i) {
		return new @Nullable Object[] { runId, z.customerIds[i], z.abcClass(i).name(), z.abcValue[i], z.abcRank[i],
				z.abcShareBefore[i], z.abcReason.encode(i), (z.recencyDays[i] >= 0) ? z.recencyDays[i] : null,
				z.frequency[i], z.monetary[i], (short) z.recencyScore[i], (short) z.frequencyScore[i],
				(short) z.monetaryScore[i], z.rfmSegment(i).name(), z.rfmReason.encode(i), z.clvHistorical[i],
				z.clvPredicted[i], z.clvMethod(i).name(), finite(z.probabilityAlive[i]), finite(z.expectedPurchases[i]),
				finite(z.expectedSpend[i]), z.clvRank[i], z.clvClass(i).name(), z.clvReason.encode(i), z.tiers[i],
				z.downgradeStreaks[i], z.totalGrossProfit[i], z.totalRevenue[i] };
	}

	static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

}
