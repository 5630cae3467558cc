package com.tiercrm.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.tiercrm.database.DatabaseDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic population into the database on the connection it is given, inside
 * the caller's transaction: customers, then their orders, then their interactions, chunk
 * by chunk, so that memory stays flat however many rows are written. Each customer row
 * carries its last contact, the latest of the interactions written after it, so that the
 * load needs no update of every customer at the end. PostgreSQL gets {@code COPY}; other
 * databases get batched inserts. Rows take explicit ids after the highest ones present,
 * and the identity columns are restarted past them.
 * <p>
 * One thread generates the next chunk while the caller's thread writes the current one.
 */
public final class SyntheticDataLoader {

	/** The tables a load writes to, parents first. */
	static final List<String> TABLES = List.of("customers", "sales_orders", "interactions");

	private static final Logger logger = LoggerFactory.getLogger(SyntheticDataLoader.class);

	private final int chunkSize;

	/**
	 * Creates a loader.
	 * @param chunkSize how many customers are generated and written at a time
	 */
	public SyntheticDataLoader(int chunkSize) {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("chunkSize must be positive");
		}
		this.chunkSize = chunkSize;
	}

	/**
	 * Whether all the given tables are empty.
	 */
	public static boolean isEmpty(Connection connection, List<String> tables) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String table : tables) {
				try (ResultSet rows = statement.executeQuery("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY")) {
					if (rows.next()) {
						return false;
					}
				}
			}
		}
		return true;
	}

	/**
	 * Generates customers {@code 0 … count-1} of {@code data} and writes them, with their
	 * orders and interactions. The caller commits.
	 */
	public LoadSummary load(Connection connection, SyntheticData data, long count) throws SQLException {
		long started = System.nanoTime();
		List<MemoryPoolMXBean> heap = heapPools();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		boolean postgres = DatabaseDialect.isPostgres(connection);
		List<ForeignKey> foreignKeys = List.of();
		List<String> indexes = List.of();
		if (postgres) {
			try (Statement statement = connection.createStatement()) {
				// Nobody else may add rows (and take our ids) until we commit.
				statement.execute("LOCK TABLE customers, sales_orders, interactions IN SHARE ROW EXCLUSIVE MODE");
			}
			foreignKeys = dropForeignKeys(connection);
			indexes = dropCustomerIndexes(connection);
		}
		long firstOrderId = nextId(connection, "sales_orders");
		long firstInteractionId = nextId(connection, "interactions");
		long customerId = nextId(connection, "customers");
		long orderId = firstOrderId;
		long interactionId = firstInteractionId;
		RowSink sink = postgres ? new PostgresCopySink(connection) : new JdbcBatchSink(connection);
		// Where the time goes: waiting for generated data, writing each table, restoring
		// indexes and keys.
		long[] nanos = new long[6];
		ExecutorService generator = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "synthetic-data");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Future<List<SyntheticCustomer>> next = generator.submit(() -> generate(data, 0, count));
			for (long start = 0; start < count; start += this.chunkSize) {
				long before = System.nanoTime();
				List<SyntheticCustomer> customers = await(next);
				nanos[0] += System.nanoTime() - before;
				long following = start + this.chunkSize;
				next = generator.submit(() -> generate(data, following, count));
				CustomerChunk chunk = new CustomerChunk(customerId, orderId, interactionId, customers);
				long t0 = System.nanoTime();
				sink.customers(chunk);
				long t1 = System.nanoTime();
				sink.orders(chunk);
				long t2 = System.nanoTime();
				sink.interactions(chunk);
				long t3 = System.nanoTime();
				nanos[1] += t1 - t0;
				nanos[2] += t2 - t1;
				nanos[3] += t3 - t2;
				customerId += customers.size();
				orderId += chunk.orderCount();
				interactionId += chunk.interactionCount();
			}
		}
		finally {
			generator.shutdownNow();
		}
		long restoring = System.nanoTime();
		restoreIndexes(connection, indexes);
		long indexed = System.nanoTime();
		restoreForeignKeys(connection, foreignKeys);
		nanos[4] = indexed - restoring;
		nanos[5] = System.nanoTime() - indexed;
		logger.info(
				"Loaded {} customers: waited {} s for generated data; wrote customers in {} s, orders in {} s,"
						+ " interactions in {} s; rebuilt indexes in {} s, foreign keys in {} s",
				count, seconds(nanos[0]), seconds(nanos[1]), seconds(nanos[2]), seconds(nanos[3]), seconds(nanos[4]),
				seconds(nanos[5]));
		restartIdentity(connection, "customers", customerId);
		restartIdentity(connection, "sales_orders", orderId);
		restartIdentity(connection, "interactions", interactionId);
		// The orders went in without the kept order facts: runs read the orders until
		// the facts are rebuilt (KeptFactsWindow).
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE order_facts_state SET is_current = FALSE WHERE id = 1");
		}
		long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		return new LoadSummary(count, orderId - firstOrderId, interactionId - firstInteractionId, 0,
				(System.nanoTime() - started) / 1e9, peak);
	}

	private List<SyntheticCustomer> generate(SyntheticData data, long start, long count) {
		long end = Math.min(count, start + this.chunkSize);
		List<SyntheticCustomer> customers = new ArrayList<>((int) Math.max(0, end - start));
		for (long index = start; index < end; index++) {
			customers.add(data.customer(index));
		}
		return customers;
	}

	private static List<SyntheticCustomer> await(Future<List<SyntheticCustomer>> chunk) {
		try {
			return chunk.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while generating data", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Generating data failed", ex.getCause());
		}
	}

	private static long nextId(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
			result.next();
			return result.getLong(1);
		}
	}

	static void restartIdentity(Connection connection, String table, long next) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
		}
	}

	/**
	 * Checking each row's foreign keys costs more than writing it: a million orders take
	 * 13 s to COPY with the keys in place, 5.5 s without, and re-adding the key
	 * afterwards validates them all in a fraction of a second. Inside the load's
	 * transaction the keys come back (or never went, on rollback) exactly as the catalog
	 * defined them.
	 */
	private static List<ForeignKey> dropForeignKeys(Connection connection) throws SQLException {
		List<ForeignKey> keys = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
				FROM pg_constraint c
				WHERE c.contype = 'f'
				  AND c.conrelid IN ('customers'::regclass, 'sales_orders'::regclass, 'interactions'::regclass)
				ORDER BY c.conname""")) {
			while (rows.next()) {
				keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3)));
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (ForeignKey key : keys) {
				statement.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + quote(key.name()));
			}
		}
		return keys;
	}

	/**
	 * A customer's name and phone are random keys: maintaining their indexes row by row
	 * makes 200,000 customers take 5.7 s to COPY, against 0.8 s without them plus 2.6 s
	 * to build them afterwards. Worth it only when the table starts empty. Orders and
	 * interactions arrive in the order of their indexes, which then cost no more to keep
	 * up than to rebuild. The indexes come back exactly as the catalog defined them.
	 */
	private static List<String> dropCustomerIndexes(Connection connection) throws SQLException {
		List<String> definitions = new ArrayList<>();
		if (!isEmpty(connection, List.of("customers"))) {
			return definitions;
		}
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
				FROM pg_index i
				WHERE i.indrelid = 'customers'::regclass AND NOT i.indisprimary AND NOT i.indisunique
				  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
				ORDER BY 1""")) {
			while (rows.next()) {
				names.add(rows.getString(1));
				definitions.add(rows.getString(2));
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String name : names) {
				statement.execute("DROP INDEX " + name);
			}
		}
		return definitions;
	}

	private static void restoreIndexes(Connection connection, List<String> definitions) throws SQLException {
		if (definitions.isEmpty()) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
			for (String definition : definitions) {
				statement.execute(definition);
			}
		}
	}

	private static void restoreForeignKeys(Connection connection, List<ForeignKey> keys) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (ForeignKey key : keys) {
				statement.execute(
						"ALTER TABLE " + key.table() + " ADD CONSTRAINT " + quote(key.name()) + " " + key.definition());
			}
		}
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static String seconds(long nanos) {
		return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
	}

	private record ForeignKey(String table, String name, String definition) {

	}

}
