package com.tiercrm.orderfacts;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.stream.Collectors;

import com.tiercrm.database.DatabaseDialect;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps each customer's order facts as of today ({@code customer_order_facts}, V60)
 * current from the writers of orders, so that a run as of today reads one row per
 * customer instead of every order. Every writer of orders calls {@link #refresh} with the
 * customers whose orders it changed, after its writes and in its own transaction; a
 * writer that does not call it calls {@link #markStale()} instead, and runs then read the
 * orders until the next {@link #rebuild}.
 * <p>
 * A refresh recomputes the customers' rows from their orders with the same rules as a run
 * (a handful of orders per customer, read by the {@code (customer_id, ordered_at)}
 * index), so that an edit or cancel needs no arithmetic on the old row. Refreshes, the
 * window's daily step and the rebuild take turns on the state row's lock, taken after the
 * writer's own writes: each statement then sees every order committed before it, and a
 * writer that comes later recomputes the same customers again with what it wrote.
 */
@Component
public class OrderFacts {

	/** The ABC window of a run over all time starts here, as in the run's fold. */
	public static final LocalDate ALL_TIME = LocalDate.of(1900, 1, 1);

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final DatabaseDialect dialect;

	private final long refreshUpTo;

	/**
	 * The kept facts of a database.
	 * @param jdbc where the orders are
	 * @param entityManager flushed before a refresh, so that it sees the orders saved
	 * through JPA
	 * @param dialect which database it is
	 * @param refreshUpTo the most orders one write (an import) changes and still
	 * refreshes the rows of ({@code tiercrm.order-facts.refresh-up-to}, 20,000 unless
	 * set); a larger write marks them stale, and the daily step rebuilds them
	 */
	public OrderFacts(JdbcTemplate jdbc, EntityManager entityManager, DatabaseDialect dialect,
			@Value("${tiercrm.order-facts.refresh-up-to:20000}") long refreshUpTo) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.entityManager = entityManager;
		this.refreshUpTo = refreshUpTo;
	}

	/**
	 * Recomputes the rows of the given customers from their orders, when the rows are
	 * current; within the caller's transaction, after its writes.
	 * @param customerIds the customers whose orders changed
	 */
	public void refresh(Collection<Long> customerIds) {
		if (customerIds.isEmpty()) {
			return;
		}
		String ids = customerIds.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(", "));
		refreshWhere(ids);
	}

	/**
	 * Recomputes the rows of the customers a query names (one column of customer ids,
	 * e.g. from an import's temporary table), when the rows are current.
	 * @param customerIdQuery a query of customer ids, trusted SQL
	 */
	public void refreshSelected(String customerIdQuery) {
		refreshWhere(customerIdQuery);
	}

	private void refreshWhere(String customerIds) {
		// Orders saved through JPA reach the database at the flush: before the recount.
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			this.entityManager.flush();
		}
		State state = lock();
		if (!state.current() || state.zone() == null || state.windowFrom() == null) {
			return;
		}
		this.jdbc.update("DELETE FROM customer_order_facts WHERE customer_id IN (" + customerIds + ")");
		insert(state.zone(), state.windowFrom(), "o.customer_id IN (" + customerIds + ")");
	}

	/**
	 * Takes the rows' lock until the caller's transaction ends, for a writer that must
	 * know before its writes whether to collect the customers it changes.
	 * @return whether the rows are current
	 */
	public boolean lockCurrent() {
		return lock().current();
	}

	/**
	 * For a writer of many orders at once: takes the rows' lock and says whether they are
	 * current, only when the writer changes few enough orders to refresh them; a larger
	 * writer takes no lock before its writes and calls {@link #markStale()} after them.
	 * Recomputing the 631,814 customers of a million-order import took about 54 s at load
	 * 7–25, more than its raw COPY.
	 * @param orders how many orders the writer changes (at most)
	 * @return whether to refresh the rows of the customers it changes
	 */
	public boolean lockCurrentFor(long orders) {
		return orders <= this.refreshUpTo && lockCurrent();
	}

	/**
	 * Says the rows are no longer current: for a writer of orders that does not refresh
	 * them. Runs read the orders until the next rebuild.
	 */
	public void markStale() {
		this.jdbc.update("UPDATE order_facts_state SET is_current = FALSE WHERE id = 1 AND is_current");
	}

	/**
	 * Rebuilds every row from the orders and marks them current; within the caller's
	 * transaction. Writers of orders wait for it.
	 * @param zone the zone whose calendar days orders fall on
	 * @param windowMonths the months of the ABC window, 0 for all time
	 * @param windowFrom the first day of the ABC window ({@link #ALL_TIME} for all time)
	 */
	public void rebuild(ZoneId zone, int windowMonths, LocalDate windowFrom) {
		lock();
		this.jdbc.update("DELETE FROM customer_order_facts");
		insert(zone, windowFrom, "1 = 1");
		this.jdbc.update(
				"UPDATE order_facts_state SET is_current = TRUE, zone = ?, window_months = ?, window_from = ?,"
						+ " rebuilt_at = ? WHERE id = 1",
				zone.getId(), windowMonths, Date.valueOf(windowFrom), java.sql.Timestamp.from(Instant.now()));
	}

	/**
	 * Moves the ABC window's start forward to a later day: the customers with completed
	 * orders on the days that left it are recomputed. Within the caller's transaction.
	 * @param windowFrom the new first day of the window
	 * @return whether the window moved; not when the rows are not current or the day is
	 * not later
	 */
	public boolean slideWindow(LocalDate windowFrom) {
		State state = lock();
		if (!state.current() || state.zone() == null || state.windowFrom() == null
				|| !windowFrom.isAfter(state.windowFrom())) {
			return false;
		}
		ZoneId zone = state.zone();
		java.sql.Timestamp from = java.sql.Timestamp.from(state.windowFrom().atStartOfDay(zone).toInstant());
		java.sql.Timestamp to = java.sql.Timestamp.from(windowFrom.atStartOfDay(zone).toInstant());
		this.jdbc.update("UPDATE order_facts_state SET window_from = ? WHERE id = 1", Date.valueOf(windowFrom));
		String leaving = "SELECT DISTINCT customer_id FROM sales_orders WHERE status = 'COMPLETED'"
				+ " AND ordered_at >= ? AND ordered_at < ?";
		this.jdbc.update("DELETE FROM customer_order_facts WHERE customer_id IN (" + leaving + ")", from, to);
		insert(zone, windowFrom, "o.customer_id IN (" + leaving + ")", from, to);
		return true;
	}

	/**
	 * The state of the rows, read without a lock.
	 */
	public State state() {
		return this.jdbc.queryForObject(STATE, (rs, row) -> state(rs));
	}

	private State lock() {
		return this.jdbc.queryForObject(STATE + " FOR UPDATE", (rs, row) -> state(rs));
	}

	private static final String STATE = "SELECT is_current, zone, window_months, window_from FROM order_facts_state"
			+ " WHERE id = 1";

	private static State state(java.sql.ResultSet rs) throws java.sql.SQLException {
		String zone = rs.getString(2);
		return new State(rs.getBoolean(1), (zone != null) ? ZoneId.of(zone) : null, rs.getInt(3),
				rs.getObject(4, LocalDate.class));
	}

	/**
	 * Inserts the rows of the customers whose completed orders match a condition on
	 * {@code o}, by the rules of a run's fold: an order with a negative amount is a
	 * return, which counts towards revenue and gross profit (in the window too) but is no
	 * purchase.
	 */
	private void insert(ZoneId zone, LocalDate windowFrom, String condition, Object... conditionArguments) {
		// H2 casts a time with its zone to a date in the session's zone, whatever zone it
		// was put in: it formats the day in the zone instead.
		String day = this.dialect.isPostgres() ? "CAST(o.ordered_at AT TIME ZONE '" + zone.getId() + "' AS DATE)"
				: "CAST(FORMATDATETIME(o.ordered_at, 'yyyy-MM-dd', 'en', '" + zone.getId() + "') AS DATE)";
		this.jdbc
			.update("""
					INSERT INTO customer_order_facts (customer_id, orders, purchase_days, first_day, last_day, latest_day,
					    first_day_spend, purchase_spend, revenue, gross_profit, window_revenue, window_gross_profit)
					SELECT d.customer_id, SUM(d.purchases), COUNT(CASE WHEN d.purchases > 0 THEN 1 END),
					    MIN(CASE WHEN d.purchases > 0 THEN d.order_day END), MAX(CASE WHEN d.purchases > 0 THEN d.order_day END),
					    MAX(d.order_day), SUM(CASE WHEN d.order_day = d.first_purchase THEN d.spend ELSE 0 END),
					    SUM(d.spend), SUM(d.revenue), SUM(d.profit),
					    SUM(CASE WHEN d.order_day >= ? THEN d.revenue ELSE 0 END),
					    SUM(CASE WHEN d.order_day >= ? THEN d.profit ELSE 0 END)
					FROM (SELECT g.customer_id, g.order_day, g.purchases, g.spend, g.revenue, g.profit,
					          MIN(CASE WHEN g.purchases > 0 THEN g.order_day END) OVER (PARTITION BY g.customer_id)
					              AS first_purchase
					      FROM (SELECT o.customer_id, %1$s AS order_day, COUNT(CASE WHEN o.amount >= 0 THEN 1 END) AS purchases,
					                SUM(CASE WHEN o.amount >= 0 THEN o.amount ELSE 0 END) AS spend,
					                SUM(o.amount) AS revenue, SUM(o.gross_profit) AS profit
					            FROM sales_orders o WHERE o.status = 'COMPLETED' AND (%2$s)
					            GROUP BY o.customer_id, %1$s) g) d
					GROUP BY d.customer_id"""
				.formatted(day, condition), arguments(windowFrom, conditionArguments));
	}

	private static Object[] arguments(LocalDate windowFrom, Object[] conditionArguments) {
		Object[] arguments = new Object[2 + conditionArguments.length];
		arguments[0] = Date.valueOf(windowFrom);
		arguments[1] = Date.valueOf(windowFrom);
		System.arraycopy(conditionArguments, 0, arguments, 2, conditionArguments.length);
		return arguments;
	}

	/**
	 * The state of the kept rows.
	 *
	 * @param current whether the rows are current
	 * @param zone the zone of their calendar days
	 * @param windowMonths the months of their ABC window, 0 for all time
	 * @param windowFrom the first day of their ABC window
	 */
	public record State(boolean current, @Nullable ZoneId zone, int windowMonths, @Nullable LocalDate windowFrom) {

	}

}
