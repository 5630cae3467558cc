package com.tiercrm.tiering.forecast;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.tiercrm.tiering.run.SegmentationProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what customers did in a holdout period in one streaming pass over its completed
 * orders, sorted by customer and time: per customer the distinct calendar days with a
 * purchase (a return, with a negative amount, is not one, as in the facts) and the net
 * revenue.
 */
@Component
class HoldoutActualsReader {

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	HoldoutActualsReader(JdbcTemplate jdbc, SegmentationProperties properties) {
		this.jdbc = jdbc;
		this.zone = properties.zone();
	}

	/**
	 * Reads the holdout period after {@code calibrationEnd} up to and including
	 * {@code holdoutEnd}, in the installation's calendar.
	 * @param calibrationEnd the last day of the calibration period
	 * @param holdoutEnd the last day of the holdout period
	 * @return per customer id who ordered: {purchase days, revenue}
	 */
	Map<Long, double[]> read(LocalDate calibrationEnd, LocalDate holdoutEnd) {
		Timestamp start = Timestamp.from(calibrationEnd.plusDays(1).atStartOfDay(this.zone).toInstant());
		Timestamp end = Timestamp.from(holdoutEnd.plusDays(1).atStartOfDay(this.zone).toInstant());
		Map<Long, double[]> actuals = new HashMap<>();
		long[] last = { Long.MIN_VALUE, Long.MIN_VALUE };
		this.jdbc.query(
				"select customer_id, ordered_at, amount from sales_orders where status = 'COMPLETED'"
						+ " and ordered_at >= ? and ordered_at < ? order by customer_id, ordered_at",
				(ResultSet rs) -> {
					long customer = rs.getLong(1);
					long day = rs.getTimestamp(2).toInstant().atZone(this.zone).toLocalDate().toEpochDay();
					double amount = rs.getDouble(3);
					double[] actual = actuals.computeIfAbsent(customer, (id) -> new double[2]);
					actual[1] += amount;
					if (amount >= 0 && (customer != last[0] || day != last[1])) {
						actual[0]++;
						last[0] = customer;
						last[1] = day;
					}
				}, start, end);
		return actuals;
	}

}
