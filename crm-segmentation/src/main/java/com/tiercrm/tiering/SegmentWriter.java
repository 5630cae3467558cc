package com.tiercrm.tiering;

import java.io.IOException;
import java.io.Writer;
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

	private void copy(PGConnection connection, long runId, Segmentation segmentation) throws SQLException, IOException {
		CopyIn copy = connection.getCopyAPI()
			.copyIn("COPY customer_segments (" + COLUMNS + ") FROM STDIN (FORMAT text)");
		try (Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
				new PGCopyOutputStream(copy, 1 << 16), java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
			StringBuilder line = new StringBuilder(512);
			for (int i = 0; i < segmentation.size(); i++) {
				line.setLength(0);
				Object[] row = row(runId, segmentation, i);
				for (int c = 0; c < row.length; c++) {
					if (c > 0) {
						line.append('\t');
					}
					Object value = row[c];
					line.append((value != null) ? value.toString() : "\\N");
				}
				line.append('\n');
				out.append(line);
			}
		}
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
