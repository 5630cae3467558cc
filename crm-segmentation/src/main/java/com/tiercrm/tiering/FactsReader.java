package com.tiercrm.tiering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.tiercrm.tiering.model.CustomerFacts;

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

	private final SegmentationProperties properties;

	FactsReader(JdbcTemplate jdbc, TransactionTemplate transactions, SegmentationProperties properties) {
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setFetchSize(properties.fetchSize());
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.properties = properties;
	}

	List<CustomerFacts> read(LocalDate asOf, int windowMonths) {
		ZoneId zone = this.properties.zone();
		LocalDate windowStart = (windowMonths > 0) ? asOf.plusDays(1).minusMonths(windowMonths) : LocalDate.MIN;
		Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay(zone).toInstant());
		return this.readOnly.execute((status) -> {
			long[] range = this.jdbc.queryForObject(
					"select min(id), max(id), (select count(*) from sales_orders) from customers",
					(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
			if (range == null || range[1] == 0) {
				return List.of();
			}
			FactsAccumulator accumulator = new FactsAccumulator(range[0], range[1], asOf,
					(windowMonths > 0) ? windowStart : LocalDate.of(1900, 1, 1), range[2]);
			this.jdbc.query("select id from customers", (ResultSet rs) -> {
				accumulator.customer(rs.getLong(1));
			});
			DayOfInstant days = new DayOfInstant(zone);
			this.jdbc.query(
					"select customer_id, ordered_at, amount, gross_profit from sales_orders"
							+ " where status = 'COMPLETED' and ordered_at < ?",
					(ResultSet rs) -> accumulator.order(rs.getLong(1), days.epochDay(rs.getTimestamp(2)),
							rs.getDouble(3), rs.getDouble(4)),
					end);
			return accumulator.facts();
		});
	}

	/**
	 * The calendar day of an instant in the installation's zone, with the zone offset
	 * cached per hour.
	 */
	static final class DayOfInstant {

		private final ZoneId zone;

		private long cachedHour = Long.MIN_VALUE;

		private long cachedOffsetSeconds;

		DayOfInstant(ZoneId zone) {
			this.zone = zone;
		}

		long epochDay(Timestamp timestamp) throws SQLException {
			long epochSecond = Math.floorDiv(timestamp.getTime(), 1000L);
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
