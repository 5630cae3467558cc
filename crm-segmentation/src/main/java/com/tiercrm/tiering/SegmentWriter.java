package com.tiercrm.tiering;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.tiercrm.tiering.model.AbcResult;
import com.tiercrm.tiering.model.ClvResult;
import com.tiercrm.tiering.model.Reason;
import com.tiercrm.tiering.model.RfmResult;
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
			+ " clv_class, clv_reason, tier, downgrade_streak";

	private static final int COLUMN_COUNT = 26;

	private static final int BATCH = 1000;

	private static final byte[] BINARY_SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	private final DataSource dataSource;

	SegmentWriter(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	void write(long runId, Segmentation segmentation) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			if (connection.isWrapperFor(PGConnection.class)) {
				copy(connection.unwrap(PGConnection.class), runId, segmentation);
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
	 * text.
	 */
	private void copy(PGConnection connection, long runId, Segmentation segmentation) throws SQLException, IOException {
		CopyIn copy = connection.getCopyAPI()
			.copyIn("COPY customer_segments (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
		try (DataOutputStream out = new DataOutputStream(
				new BufferedOutputStream(new PGCopyOutputStream(copy, 1 << 16), 1 << 16))) {
			out.write(BINARY_SIGNATURE);
			out.writeInt(0);
			out.writeInt(0);
			for (int i = 0; i < segmentation.size(); i++) {
				AbcResult abc = segmentation.abc().get(i);
				RfmResult rfm = segmentation.rfm().get(i);
				ClvResult clv = segmentation.clv().get(i);
				out.writeShort(COLUMN_COUNT);
				int8(out, runId);
				int8(out, segmentation.facts().get(i).customerId());
				text(out, abc.abcClass().name());
				float8(out, abc.value());
				int4(out, abc.rank());
				float8(out, abc.shareBefore());
				text(out, encode(abc.reason()));
				if (rfm.recencyDays() >= 0) {
					int4(out, rfm.recencyDays());
				}
				else {
					out.writeInt(-1);
				}
				int4(out, rfm.frequency());
				float8(out, rfm.monetary());
				int2(out, rfm.recencyScore());
				int2(out, rfm.frequencyScore());
				int2(out, rfm.monetaryScore());
				text(out, rfm.segment().name());
				text(out, encode(rfm.reason()));
				float8(out, clv.historicalValue());
				float8(out, clv.predictedValue());
				text(out, clv.method().name());
				nullableFloat8(out, clv.probabilityAlive());
				nullableFloat8(out, clv.expectedPurchases());
				nullableFloat8(out, clv.expectedSpend());
				int4(out, clv.rank());
				text(out, clv.clvClass().name());
				text(out, encode(clv.reason()));
				text(out, segmentation.tiers()[i]);
				int2(out, segmentation.downgradeStreaks()[i]);
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

	private static Object[] row(long runId, Segmentation segmentation, int i) {
		AbcResult abc = segmentation.abc().get(i);
		RfmResult rfm = segmentation.rfm().get(i);
		ClvResult clv = segmentation.clv().get(i);
		return new Object[] { runId, segmentation.facts().get(i).customerId(), abc.abcClass().name(), abc.value(),
				abc.rank(), abc.shareBefore(), encode(abc.reason()),
				(rfm.recencyDays() >= 0) ? rfm.recencyDays() : null, rfm.frequency(), rfm.monetary(),
				(short) rfm.recencyScore(), (short) rfm.frequencyScore(), (short) rfm.monetaryScore(),
				rfm.segment().name(), encode(rfm.reason()), clv.historicalValue(), clv.predictedValue(),
				clv.method().name(), finite(clv.probabilityAlive()), finite(clv.expectedPurchases()),
				finite(clv.expectedSpend()), clv.rank(), clv.clvClass().name(), encode(clv.reason()),
				segmentation.tiers()[i], segmentation.downgradeStreaks()[i] };
	}

	private static @Nullable Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	/**
	 * A reason as "key|arg|arg…", decoded again by {@link StoredReason}.
	 */
	static String encode(Reason reason) {
		if (reason.arguments().isEmpty()) {
			return reason.key();
		}
		return reason.key() + "|"
				+ reason.arguments().stream().map(SegmentWriter::argument).collect(Collectors.joining("|"));
	}

	private static String argument(Object value) {
		if (value instanceof Double d) {
			return Double.isFinite(d) ? Double.toString(d) : "";
		}
		return String.valueOf(value).replace('|', '/').replace('\t', ' ').replace('\n', ' ').replace('\\', '/');
	}

}
