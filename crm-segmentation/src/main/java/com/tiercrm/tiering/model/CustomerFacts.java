package com.tiercrm.tiering.model;

import org.jspecify.annotations.Nullable;

/**
 * What the models know about one customer as of the run date. Every field is a plain
 * number that one aggregating query over the customer's <em>completed</em> orders can
 * produce ({@code GROUP BY customer}); cancelled or open orders are filtered out before.
 * A completed order with a negative amount is a return or credit note: it is in the
 * revenue and gross profit sums (which are net of returns) but not a purchase, so it
 * counts in none of the order and day counts nor in the repeat spend. Day counts are
 * whole calendar days between purchase days, so several orders on the same day form one
 * purchase day. A customer who never completed an order has zero counts and amounts (or
 * only the negative sums of returns), a {@code null} recency and zero day spans.
 *
 * @param customerId the customer's id
 * @param completedOrders number of completed orders up to and including the as-of date
 * (the RFM frequency)
 * @param purchaseDays number of distinct calendar days with at least one completed order
 * (BG/NBD uses {@code purchaseDays - 1} repeat purchases)
 * @param windowRevenue revenue of the completed orders inside the ABC window
 * @param windowGrossProfit gross profit of the completed orders inside the ABC window
 * @param totalRevenue revenue of all completed orders up to the as-of date (the RFM
 * monetary value and the historical customer value)
 * @param totalGrossProfit gross profit of all completed orders up to the as-of date
 * @param recencyDays days from the last purchase day to the as-of date (RFM recency, 0
 * when the customer bought on the as-of date); {@code null} when the customer never
 * bought
 * @param daysFirstToLastPurchase days from the first to the last purchase day (BG/NBD
 * {@code t_x} in days; 0 for a single purchase day or no purchase)
 * @param daysFirstPurchaseToAsOf days from the first purchase day to the as-of date
 * (BG/NBD {@code T} in days; 0 when the customer never bought)
 * @param repeatDaysSpend total revenue on the purchase days after the first one (for
 * Gamma-Gamma the mean repeat spend is this divided by {@code purchaseDays - 1}); 0 when
 * there is no repeat purchase day
 */
public record CustomerFacts(long customerId, int completedOrders, int purchaseDays, double windowRevenue,
		double windowGrossProfit, double totalRevenue, double totalGrossProfit, @Nullable Integer recencyDays,
		int daysFirstToLastPurchase, int daysFirstPurchaseToAsOf, double repeatDaysSpend) {

	/**
	 * Validates that the numbers can come from one customer's completed orders.
	 * @throws IllegalArgumentException with a message key when they cannot
	 */
	public CustomerFacts {
		if (completedOrders < 0 || purchaseDays < 0 || purchaseDays > completedOrders
				|| (completedOrders > 0) != (purchaseDays > 0)) {
			throw new IllegalArgumentException("facts.invalid.counts");
		}
		if (!Double.isFinite(windowRevenue) || !Double.isFinite(windowGrossProfit) || !Double.isFinite(totalRevenue)
				|| !Double.isFinite(totalGrossProfit) || !Double.isFinite(repeatDaysSpend) || repeatDaysSpend < 0) {
			throw new IllegalArgumentException("facts.invalid.amount");
		}
		if ((recencyDays == null) != (completedOrders == 0)) {
			throw new IllegalArgumentException("facts.invalid.recency");
		}
		if (daysFirstToLastPurchase < 0 || daysFirstToLastPurchase > daysFirstPurchaseToAsOf
				|| (recencyDays != null && recencyDays != daysFirstPurchaseToAsOf - daysFirstToLastPurchase)) {
			throw new IllegalArgumentException("facts.invalid.days");
		}
		if (purchaseDays == 1 && (daysFirstToLastPurchase != 0 || repeatDaysSpend != 0)) {
			throw new IllegalArgumentException("facts.invalid.days");
		}
		if (completedOrders == 0 && (daysFirstPurchaseToAsOf != 0 || totalRevenue > 0 || windowRevenue > 0)) {
			throw new IllegalArgumentException("facts.invalid.counts");
		}
	}

	/**
	 * Facts of a customer who never completed an order.
	 * @param customerId the customer's id
	 * @return facts with zero counts and amounts and no recency
	 */
	public static CustomerFacts noPurchase(long customerId) {
		return new CustomerFacts(customerId, 0, 0, 0, 0, 0, 0, null, 0, 0, 0);
	}

	/**
	 * Facts of a customer with returns but no purchase up to the as-of date (the purchase
	 * predates the data).
	 * @param customerId the customer's id
	 * @param windowRevenue the returns inside the ABC window, zero or negative
	 * @param windowGrossProfit their gross profit
	 * @param totalRevenue all returns to date, zero or negative
	 * @param totalGrossProfit their gross profit
	 * @return facts with zero counts, the returns' sums and no recency
	 */
	public static CustomerFacts onlyReturns(long customerId, double windowRevenue, double windowGrossProfit,
			double totalRevenue, double totalGrossProfit) {
		return new CustomerFacts(customerId, 0, 0, windowRevenue, windowGrossProfit, totalRevenue, totalGrossProfit,
				null, 0, 0, 0);
	}

	/**
	 * Tells whether the customer completed at least one order.
	 * @return {@code true} when there is at least one completed order
	 */
	public boolean hasPurchased() {
		return this.completedOrders > 0;
	}

	/**
	 * Number of repeat purchase days, the BG/NBD {@code x}.
	 * @return {@code purchaseDays - 1}, or 0 when the customer never bought
	 */
	public int repeatPurchaseDays() {
		return Math.max(0, this.purchaseDays - 1);
	}

}
