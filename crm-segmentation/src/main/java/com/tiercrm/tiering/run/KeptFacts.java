package com.tiercrm.tiering.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.tiercrm.orderfacts.OrderFacts;
import com.tiercrm.tiering.model.CustomerFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every customer's facts as of today from the rows the writers of orders keep current
 * ({@link OrderFacts}), one row per customer instead of every order, when those rows are
 * current and were made for the run's zone and ABC window; otherwise nothing, and the run
 * reads the orders.
 */
@Component
class KeptFacts {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate snapshot;

	private final OrderFacts orderFacts;

	private final SegmentationProperties properties;

	KeptFacts(JdbcTemplate jdbc, TransactionTemplate transactions, OrderFacts orderFacts,
			SegmentationProperties properties) {
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setFetchSize(properties.fetchSize());
		// The state and the rows from one snapshot: the window's step or a rebuild
		// committed in between would otherwise mix two windows.
		this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.orderFacts = orderFacts;
		this.properties = properties;
	}

	/**
	 * The first day of a run's ABC window, as the run's fold has it.
	 * @param asOf the as-of date
	 * @param windowMonths the window's months, 0 for all time
	 * @return the first day
	 */
	static LocalDate windowFrom(LocalDate asOf, int windowMonths) {
		return (windowMonths > 0) ? asOf.plusDays(1).minusMonths(windowMonths) : OrderFacts.ALL_TIME;
	}

	/**
	 * The kept facts as of a date, in customer order, exactly as the run would fold them
	 * from the orders.
	 * @param asOf the as-of date: only today can be read from the kept rows
	 * @param windowMonths the ABC window's months, 0 for all time
	 * @return the facts, or {@code null} when the kept rows cannot give them (not
	 * current, another zone or window, a date other than today, an order after it)
	 */
	@Nullable List<CustomerFacts> read(LocalDate asOf, int windowMonths) {
		if (!asOf.equals(LocalDate.now(this.properties.zone()))) {
			return null;
		}
		LocalDate windowFrom = windowFrom(asOf, windowMonths);
		return this.snapshot.execute((status) -> {
			OrderFacts.State state = this.orderFacts.state();
			if (!state.current() || !this.properties.zone().equals(state.zone()) || state.windowMonths() != windowMonths
					|| !windowFrom.equals(state.windowFrom())) {
				return null;
			}
			return readRows(asOf);
		});
	}

	private @Nullable List<CustomerFacts> readRows(LocalDate asOf) {
		long asOfDay = asOf.toEpochDay();
		List<CustomerFacts> facts = new ArrayList<>();
		boolean[] afterAsOf = { false };
		// A merged customer's orders went to the customer it was merged into; it is no
		// longer one of the customers a run tiers, unless orders still name it.
		this.jdbc.query(
				"""
						select c.id, f.orders, f.purchase_days, f.first_day, f.last_day, f.latest_day,
						       cast(f.first_day_spend as double precision), cast(f.purchase_spend as double precision), cast(f.revenue as double precision),
						       cast(f.gross_profit as double precision), cast(f.window_revenue as double precision),
						       cast(f.window_gross_profit as double precision)
						from customers c left join customer_order_facts f on f.customer_id = c.id
						where c.status <> 'MERGED' or f.customer_id is not null
						order by c.id""",
				(ResultSet rs) -> {
					if (afterAsOf[0]) {
						return;
					}
					long id = rs.getLong(1);
					java.sql.Date latest = rs.getDate(6);
					if (latest == null) {
						facts.add(CustomerFacts.onlyReturns(id, 0, 0, 0, 0));
						return;
					}
					if (latest.toLocalDate().toEpochDay() > asOfDay) {
						afterAsOf[0] = true;
						return;
					}
					facts.add(facts(rs, id, asOfDay));
				});
		return afterAsOf[0] ? null : facts;
	}

	private static CustomerFacts facts(ResultSet rs, long id, long asOfDay) throws SQLException {
		int orders = rs.getInt(2);
		int purchaseDays = rs.getInt(3);
		double firstDaySpend = rs.getDouble(7);
		double purchaseSpend = rs.getDouble(8);
		double revenue = rs.getDouble(9);
		double grossProfit = rs.getDouble(10);
		double windowRevenue = rs.getDouble(11);
		double windowGrossProfit = rs.getDouble(12);
		if (orders == 0) {
			return CustomerFacts.onlyReturns(id, windowRevenue, windowGrossProfit, revenue, grossProfit);
		}
		long firstDay = rs.getDate(4).toLocalDate().toEpochDay();
		long lastDay = rs.getDate(5).toLocalDate().toEpochDay();
		double repeatSpend = (purchaseDays > 1) ? Math.max(0, purchaseSpend - firstDaySpend) : 0;
		return new CustomerFacts(id, orders, purchaseDays, windowRevenue, windowGrossProfit, revenue, grossProfit,
				(int) (asOfDay - lastDay), (int) (lastDay - firstDay), (int) (asOfDay - firstDay), repeatSpend);
	}

}
