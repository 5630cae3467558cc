package com.tiercrm.tiering.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A per-run table that PostgreSQL partitions by run ({@code PARTITION BY LIST (run_id)}),
 * one partition per run named after the table and the run ({@code customer_segments_r42}
 * for run 42). A run fills its partition as a standalone table without indexes, indexes
 * and analyses it, then attaches it: indexes built once over sorted rows instead of
 * maintained row by row, statistics of its own rows only, and a dropped partition instead
 * of a million deleted rows when the run leaves retention.
 * <p>
 * The indexes given here must be the parent's (see the migrations), so that
 * {@code ATTACH} adopts them instead of building its own; {@link #attach} warns when it
 * did not. Everything but {@link #drop} runs in the caller's transaction: a run that
 * fails leaves no partition behind.
 */
final class RunPartitions {

	/** The per-customer results of runs (V24). */
	static final RunPartitions CUSTOMER_SEGMENTS = new RunPartitions("customer_segments", "run_id, customer_id", Map
		.of("tier_monetary", "run_id, tier, monetary, customer_id", "clv", "run_id, clv_predicted, customer_id"));

	/** The results of tier models other than ABC, RFM and CLV (V25, V26). */
	static final RunPartitions MODEL_RESULTS = new RunPartitions("customer_model_results", "run_id, model, customer_id",
			Map.of());

	private static final Log logger = LogFactory.getLog(RunPartitions.class);

	private final String table;

	private final String primaryKey;

	private final Map<String, String> indexes;

	/**
	 * @param table the partitioned table
	 * @param primaryKey the columns of its primary key
	 * @param indexes its other indexes: a name suffix for each and its columns
	 */
	RunPartitions(String table, String primaryKey, Map<String, String> indexes) {
		this.table = table;
		this.primaryKey = primaryKey;
		this.indexes = new LinkedHashMap<>(indexes);
	}

	String table() {
		return this.table;
	}

	/** The name of a run's partition. */
	String partition(long runId) {
		return this.table + "_r" + runId;
	}

	/**
	 * Creates the run's table, like the parent but without indexes and not attached yet,
	 * and returns its name. Rows copied into it in the same transaction may be
	 * {@code FREEZE}d. The {@code CHECK} that spares {@code ATTACH} a scan of the rows is
	 * there from the start: added later, it would scan them itself.
	 */
	String create(Connection connection, long runId) throws SQLException {
		String partition = partition(runId);
		execute(connection, "CREATE TABLE " + partition + " (LIKE " + this.table + " INCLUDING DEFAULTS, CONSTRAINT "
				+ partition + "_run CHECK (run_id = " + runId + "))");
		return partition;
	}

	/**
	 * Indexes and analyses the filled table and attaches it as the run's partition.
	 * {@code ATTACH} takes only a {@code SHARE UPDATE EXCLUSIVE} lock on the parent,
	 * which readers do not wait for, until the run's transaction ends.
	 */
	void attach(Connection connection, long runId) throws SQLException {
		String partition = partition(runId);
		long started = System.nanoTime();
		execute(connection, "ALTER TABLE " + partition + " ADD CONSTRAINT " + partition + "_pkey PRIMARY KEY ("
				+ this.primaryKey + ")");
		for (Map.Entry<String, String> index : this.indexes.entrySet()) {
			execute(connection, "CREATE INDEX " + partition + "_" + index.getKey() + " ON " + partition + " ("
					+ index.getValue() + ")");
		}
		long indexed = System.nanoTime();
		// The lists plan over the new run's rows as soon as it is published: they must
		// not wait for autovacuum's statistics. Only this run's rows are sampled.
		execute(connection, "ANALYZE " + partition);
		long analysed = System.nanoTime();
		execute(connection,
				"ALTER TABLE " + this.table + " ATTACH PARTITION " + partition + " FOR VALUES IN (" + runId + ")");
		logger.info("Run " + runId + ": " + partition + " indexed in " + SegmentationEngine.millis(started, indexed)
				+ " ms, analysed in " + SegmentationEngine.millis(indexed, analysed) + " ms, attached in "
				+ SegmentationEngine.millis(analysed, System.nanoTime()) + " ms");
		int built = indexCount(connection, partition);
		if (built != this.indexes.size() + 1) {
			logger.warn("Attaching " + partition + " built " + (built - this.indexes.size() - 1)
					+ " more indexes: the indexes of " + this.table + " are not the ones RunPartitions builds");
		}
	}

	/**
	 * Detaches and drops the partitions of the given runs that exist, each in
	 * transactions of its own: {@code DETACH … CONCURRENTLY} makes no reader of the
	 * retained runs wait, but cannot run in a transaction block. A detach interrupted
	 * half-way is finished here too.
	 * @param connection a connection outside any transaction
	 * @return the runs whose partition was dropped
	 */
	List<Long> drop(Connection connection, List<Long> runIds) throws SQLException {
		connection.setAutoCommit(true);
		Map<String, Boolean> attached = attached(connection);
		List<Long> dropped = new ArrayList<>();
		for (long runId : runIds) {
			String partition = partition(runId);
			Boolean pending = attached.get(partition);
			if (pending == null) {
				continue;
			}
			execute(connection, "ALTER TABLE " + this.table + " DETACH PARTITION " + partition
					+ (pending ? " FINALIZE" : " CONCURRENTLY"));
			execute(connection, "DROP TABLE IF EXISTS " + partition);
			dropped.add(runId);
		}
		return dropped;
	}

	/** The parent's partitions by name, each with whether a detach is pending. */
	private Map<String, Boolean> attached(Connection connection) throws SQLException {
		Map<String, Boolean> partitions = new LinkedHashMap<>();
		try (PreparedStatement query = connection
			.prepareStatement("select c.relname, i.inhdetachpending from pg_inherits i"
					+ " join pg_class c on c.oid = i.inhrelid where i.inhparent = ?::regclass")) {
			query.setString(1, this.table);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					partitions.put(rs.getString(1), rs.getBoolean(2));
				}
			}
		}
		return partitions;
	}

	private static int indexCount(Connection connection, String table) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("select count(*) from pg_index where indrelid = ?::regclass")) {
			query.setString(1, table);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
