package com.tiercrm.tiering.model;

/**
 * Short-hand facts for hand-checked cases.
 */
final class TestFacts {

	private TestFacts() {
	}

	/**
	 * A customer with one purchase day.
	 */
	static CustomerFacts buyer(long id, double revenue) {
		return new CustomerFacts(id, 1, 1, revenue, revenue, revenue, revenue, 0, 0, 0, 0);
	}

	/**
	 * A customer for RFM: recency in days, orders on as many days, total revenue.
	 */
	static CustomerFacts rfm(long id, int recencyDays, int orders, double revenue) {
		int firstToLast = orders - 1;
		return new CustomerFacts(id, orders, orders, revenue, revenue, revenue, revenue, recencyDays, firstToLast,
				firstToLast + recencyDays, (orders > 1) ? revenue / 2 : 0);
	}

}
