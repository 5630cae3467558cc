package com.tiercrm.tiering.run;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.tiering.model.CustomerFacts;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every customer's facts as of a date in one streaming pass over the completed
 * orders: no per-customer queries, no entities, nothing held per order.
 */
@Component
class FactsReader {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	private static final int STREAMS = 2;

	private final SegmentationProperties properties;

	private final DataSource dataSource;

	private final Executor executor = Executors.newVirtualThreadPerTaskExecutor();

	private final DatabaseDialect dialect;

	private final KeptFacts kept;

	FactsReader(JdbcTemplate jdbc, TransactionTemplate transactions, SegmentationProperties properties,
			DatabaseDialect dialect, KeptFacts kept) {
		this.dialect = dialect;
		this.kept = kept;
		this.dataSource = jdbc.getDataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.setFetchSize(properties.fetchSize());
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.properties = properties;
	}

	/**
	 * Every customer's facts as of a date: as of today from the rows the writers of
	 * orders keep, when they are current ({@link KeptFacts}), otherwise from the orders.
	 */
	List<CustomerFacts> read(LocalDate asOf, int windowMonths) {
		List<CustomerFacts> kept = this.kept.read(asOf, windowMonths);
		return (kept != null) ? kept : readOrders(asOf, windowMonths);
	}

	/**
	 * Every customer's facts as of a date, folded from the completed orders.
	 */
	List<CustomerFacts> readOrders(LocalDate asOf, int windowMonths) {
		ZoneId zone = this.properties.zone();
		LocalDate windowStart = (windowMonths > 0) ? asOf.plusDays(1).minusMonths(windowMonths) : LocalDate.MIN;
		Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay(zone).toInstant());
		return this.readOnly.execute((status) -> {
			long[] range = this.jdbc.queryForObject("select min(id), max(id) from customers",
					(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) });
			if (range == null || range[1] == 0) {
				return List.of();
			}
			boolean postgres = this.dialect.isPostgres();
			int streams = postgres ? STREAMS : 1;
			// Purchase-day sets are sized for about eight purchase days per customer and
			// grow when there are more;
			// counting the orders first would cost a scan of its own.
			long expectedPurchaseDays = (range[1] - range[0] + 1) * 8;
			FactsAccumulator accumulator = new FactsAccumulator(range[0], range[1], asOf,
					(windowMonths > 0) ? windowStart : LocalDate.of(1900, 1, 1), expectedPurchaseDays, streams);
			// A merged customer's orders went to the customer it was merged into; it is
			// no
			// longer one of the customers a run tiers (a deactivated one still is).
			this.jdbc.query("select id from customers where status <> 'MERGED'", (ResultSet rs) -> {
				accumulator.customer(rs.getLong(1));
			});
			if (postgres) {
				copyOrdersInParallel(end, zone, accumulator);
			}
			else {
				selectOrders(end, new DayOfInstant(zone), accumulator);
			}
			return accumulator.facts();
		});
	}

	/**
	 * One customer's facts as of a date, by the same rules as a run's: for placing a
	 * customer who arrived after the published run.
	 * @param customerId the customer
	 * @param asOf the as-of date
	 * @return the facts (those of a customer who never bought, when there are no
	 * completed orders)
	 */
	CustomerFacts readOne(long customerId, LocalDate asOf) {
		ZoneId zone = this.properties.zone();
		Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay(zone).toInstant());
		FactsAccumulator accumulator = new FactsAccumulator(customerId, customerId, asOf, LocalDate.of(1900, 1, 1), 64,
				1);
		accumulator.customer(customerId);
		DayOfInstant days = new DayOfInstant(zone);
		this.jdbc.query(
				"select customer_id, ordered_at, amount, gross_profit from sales_orders"
						+ " where customer_id = ? and status = 'COMPLETED' and ordered_at < ?",
				(ResultSet rs) -> accumulator.order(rs.getLong(1), days.epochDay(rs.getTimestamp(2)), rs.getDouble(3),
						rs.getDouble(4)),
				customerId, end);
		return accumulator.facts().get(0);
	}

	/**
	 * Streams completed orders out of PostgreSQL with binary COPY (no per-row protocol
	 * messages, no text to parse), in {@value #STREAMS} streams over disjoint customers
	 * on their own connections, so that both the server and this side use more than one
	 * core. Each customer is read whole from one snapshot.
	 */
	private void copyOrdersInParallel(Timestamp end, ZoneId zone, FactsAccumulator accumulator) {
		List<CompletableFuture<Void>> streams = new ArrayList<>();
		for (int stream = 0; stream < STREAMS; stream++) {
			int k = stream;
			streams.add(CompletableFuture.runAsync(() -> {
				try (Connection connection = this.dataSource.getConnection()) {
					copyOrders(connection.unwrap(PGConnection.class), end, k, new DayOfInstant(zone), accumulator);
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not stream the orders", ex);
				}
			}, this.executor));
		}
		CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).join();
	}

	private static void copyOrders(PGConnection connection, Timestamp end, int stream, DayOfInstant days,
			FactsAccumulator accumulator) throws SQLException {
		String sql = "COPY (select customer_id, ordered_at, cast(amount as float8), cast(gross_profit as float8)"
				+ " from sales_orders where status = 'COMPLETED' and ordered_at < '" + end.toInstant()
				+ "'::timestamptz and mod(customer_id, " + STREAMS + ") = " + stream + ") TO STDOUT (FORMAT binary)";
		try (DataInputStream in = new DataInputStream(
				new BufferedInputStream(new PGCopyInputStream(connection, sql), 1 << 16))) {
			in.skipNBytes(11);
			in.readInt();
			in.skipNBytes(in.readInt());
			while (in.readShort() == 4) {
				in.readInt();
				long customerId = in.readLong();
				in.readInt();
				long micros = in.readLong();
				in.readInt();
				double amount = in.readDouble();
				in.readInt();
				double profit = in.readDouble();
				accumulator.order(stream, customerId, days.epochDayOfPostgresMicros(micros), amount, profit);
			}
		}
		catch (IOException ex) {
			throw new SQLException("Could not stream the orders", ex);
		}
	}

	private void selectOrders(Timestamp end, DayOfInstant days, FactsAccumulator accumulator) {
		this.jdbc.query(
				"select customer_id, ordered_at, amount, gross_profit from sales_orders"
						+ " where status = 'COMPLETED' and ordered_at < ?",
				(ResultSet rs) -> accumulator.order(rs.getLong(1), days.epochDay(rs.getTimestamp(2)), rs.getDouble(3),
						rs.getDouble(4)),
				end);
	}

	/**
	 * The calendar day of an instant in the installation's zone, with the zone offset
	 * cached per hour.
	 */
	static final class DayOfInstant {

		private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

		private final ZoneId zone;

		private long cachedHour = Long.MIN_VALUE;

		private long cachedOffsetSeconds;

		DayOfInstant(ZoneId zone) {
			this.zone = zone;
		}

		long epochDay(Timestamp timestamp) {
			return epochDayOfSecond(Math.floorDiv(timestamp.getTime(), 1000L));
		}

		/**
		 * PostgreSQL's binary timestamps count microseconds from 2000-01-01T00:00Z.
		 */
		long epochDayOfPostgresMicros(long micros) {
			return epochDayOfSecond(Math.floorDiv(micros, 1_000_000L) + POSTGRES_EPOCH_SECOND);
		}

		private long epochDayOfSecond(long epochSecond) {
			long hour = Math.floorDiv(epochSecond, 3600L);
			if (hour != this.cachedHour) {
				this.cachedOffsetSeconds = this.zone.getRules()
					.getOffset(java.time.Instant.ofEpochSecond(epochSecond))
					.getTotalSeconds();
				this.cachedHour = hour;
			}
			return Math.floorDiv(epochSecond + this.cachedOffsetSeconds, 86_400L);
		}

	}

}
