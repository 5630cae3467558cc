package com.tiercrm.market;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The market sizes managers enter and our share of each: our completed revenue, net of
 * returns, from the customers of the region or industry, ordered within the period (days
 * in the installation's zone, both ends included), over the size. One aggregate per size,
 * over the orders of the period.
 */
@Service
public class MarketShares {

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	private final AuditLog audit;

	MarketShares(JdbcTemplate jdbc, @Value("${tiercrm.segmentation.zone:Asia/Shanghai}") ZoneId zone, AuditLog audit) {
		this.jdbc = jdbc;
		this.zone = zone;
		this.audit = audit;
	}

	/**
	 * Every market size entered, newest period first, with our revenue and share.
	 * @return the shares
	 */
	@Transactional(readOnly = true)
	public List<MarketShare> all() {
		return this.jdbc.query("select id, dimension, segment_code, period_start, period_end, amount from market_sizes"
				+ " order by period_end desc, dimension, segment_code", (rs, row) -> {
					Dimension dimension = Dimension.valueOf(rs.getString(2));
					String code = rs.getString(3);
					LocalDate start = rs.getDate(4).toLocalDate();
					LocalDate end = rs.getDate(5).toLocalDate();
					BigDecimal size = rs.getBigDecimal(6);
					BigDecimal revenue = revenue(dimension, code, start, end);
					return new MarketShare(rs.getLong(1), dimension, code, start, end, size, revenue,
							(size.signum() > 0) ? revenue.doubleValue() / size.doubleValue() : null);
				});
	}

	/**
	 * Enters a market size.
	 * @throws IllegalArgumentException with a message code: the period ends before it
	 * starts, the size is not positive, or this segment and period have a size already
	 */
	@Transactional
	public void enter(Dimension dimension, String code, LocalDate start, LocalDate end, BigDecimal amount,
			@Nullable String by) {
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("market.invalid.period");
		}
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("market.invalid.amount");
		}
		try {
			this.jdbc.update(
					"insert into market_sizes (dimension, segment_code, period_start, period_end, amount, created_by,"
							+ " created_at) values (?, ?, ?, ?, ?, ?, ?)",
					dimension.name(), code, Date.valueOf(start), Date.valueOf(end), amount, by,
					Timestamp.from(Instant.now()));
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("market.invalid.duplicate");
		}
		this.audit.record(AuditAction.MARKET_SIZE_CHANGED, by, null, dimension + " " + code,
				start + " to " + end + ": " + amount.toPlainString());
	}

	/**
	 * Removes a market size.
	 */
	@Transactional
	public void remove(long id) {
		if (this.jdbc.update("delete from market_sizes where id = ?", id) > 0) {
			this.audit.record(AuditAction.MARKET_SIZE_CHANGED, "#" + id, "removed");
		}
	}

	private BigDecimal revenue(Dimension dimension, String code, LocalDate start, LocalDate end) {
		BigDecimal revenue = this.jdbc.queryForObject(
				"select coalesce(sum(o.amount), 0) from sales_orders o"
						+ " join customers c on c.id = o.customer_id where o.status = 'COMPLETED' and o.ordered_at >= ?"
						+ " and o.ordered_at < ? and c." + dimension.column() + " = ?",
				BigDecimal.class, Timestamp.from(start.atStartOfDay(this.zone).toInstant()),
				Timestamp.from(end.plusDays(1).atStartOfDay(this.zone).toInstant()), code);
		return (revenue != null) ? revenue : BigDecimal.ZERO;
	}

	/** What a market is measured over. */
	public enum Dimension {

		REGION("region"), INDUSTRY("industry");

		private final String column;

		Dimension(String column) {
			this.column = column;
		}

		String column() {
			return this.column;
		}

	}

	/**
	 * A market size and our share of it.
	 *
	 * @param id the entry
	 * @param dimension region or industry
	 * @param code the region's or industry's code
	 * @param start the period's first day
	 * @param end the period's last day
	 * @param size the market size
	 * @param revenue our completed revenue, net of returns, from the segment in the
	 * period
	 * @param share revenue over size, {@code null} without a positive size
	 */
	public record MarketShare(long id, Dimension dimension, String code, LocalDate start, LocalDate end,
			BigDecimal size, BigDecimal revenue, @Nullable Double share) {

	}

}
