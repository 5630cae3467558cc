package com.tiercrm.tiering.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.tiercrm.tiering.model.CustomerFacts;

/**
 * Folds completed orders, in any order, into one {@link CustomerFacts} per customer in a
 * single pass: counts and sums, the first and last purchase day, distinct purchase days
 * (several orders on one day are one purchase day) and the spend on days after the first.
 * An order with a negative amount is a return or credit note: it reduces the customer's
 * revenue and gross profit (in the window too) but is no purchase, so it changes neither
 * the counts, the purchase days nor the repeat spend. State lives in primitive arrays
 * indexed by customer id, so a million customers with ten million orders need no
 * per-order objects.
 */
final class FactsAccumulator {

	/**
	 * Purchase days are kept as offsets from 1900-01-01 in the low 20 bits of a set key.
	 */
	private static final long DAY_BASE = LocalDate.of(1900, 1, 1).toEpochDay();

	private static final int DAY_BITS = 20;

	private final long minId;

	private final boolean[] exists;

	private final int[] orders;

	private final int[] purchaseDays;

	private final int[] firstDay;

	private final int[] lastDay;

	private final double[] revenue;

	private final double[] grossProfit;

	private final double[] windowRevenue;

	private final double[] windowGrossProfit;

	private final double[] firstDaySpend;

	/**
	 * What the purchases alone add up to, without returns: the base of the repeat spend.
	 */
	private final double[] purchaseSpend;

	private final LongSet[] seenDays;

	private final long asOfDay;

	private final long windowStartDay;

	/**
	 * @param minId smallest customer id
	 * @param maxId largest customer id
	 * @param asOf the as-of date; orders after it must not be passed in
	 * @param windowStart first day of the ABC window; orders before it count only towards
	 * the totals
	 * @param expectedOrders how many orders will come, to size the purchase-day sets
	 * @param streams how many threads feed orders at once, each for its own customers
	 */
	FactsAccumulator(long minId, long maxId, LocalDate asOf, LocalDate windowStart, long expectedOrders, int streams) {
		int size = Math.toIntExact(Math.max(0, maxId - minId + 1));
		this.minId = minId;
		this.exists = new boolean[size];
		this.orders = new int[size];
		this.purchaseDays = new int[size];
		this.firstDay = new int[size];
		this.lastDay = new int[size];
		this.revenue = new double[size];
		this.grossProfit = new double[size];
		this.windowRevenue = new double[size];
		this.windowGrossProfit = new double[size];
		this.firstDaySpend = new double[size];
		this.purchaseSpend = new double[size];
		this.seenDays = new LongSet[streams];
		for (int i = 0; i < streams; i++) {
			this.seenDays[i] = new LongSet(expectedOrders / streams);
		}
		this.asOfDay = asOf.toEpochDay();
		this.windowStartDay = windowStart.toEpochDay();
	}

	void customer(long customerId) {
		this.exists[index(customerId)] = true;
	}

	void order(long customerId, long epochDay, double amount, double profit) {
		order(0, customerId, epochDay, amount, profit);
	}

	/**
	 * An order from one of several concurrent streams. Streams must partition the
	 * customers: each customer's orders all come through the same stream, which makes the
	 * per-customer state single-threaded.
	 */
	void order(int stream, long customerId, long epochDay, double amount, double profit) {
		int i = index(customerId);
		if (epochDay > this.asOfDay || epochDay < DAY_BASE || epochDay >= DAY_BASE + (1L << DAY_BITS)) {
			throw new IllegalArgumentException("Order day out of range: " + LocalDate.ofEpochDay(epochDay));
		}
		int day = (int) epochDay;
		this.exists[i] = true;
		this.revenue[i] += amount;
		this.grossProfit[i] += profit;
		if (epochDay >= this.windowStartDay) {
			this.windowRevenue[i] += amount;
			this.windowGrossProfit[i] += profit;
		}
		if (amount < 0) {
			return;
		}
		this.purchaseSpend[i] += amount;
		if (this.orders[i] == 0 || day < this.firstDay[i]) {
			this.firstDay[i] = day;
			this.firstDaySpend[i] = amount;
		}
		else if (day == this.firstDay[i]) {
			this.firstDaySpend[i] += amount;
		}
		if (this.orders[i] == 0 || day > this.lastDay[i]) {
			this.lastDay[i] = day;
		}
		this.orders[i]++;
		if (this.seenDays[stream].add(((long) i << DAY_BITS) | (epochDay - DAY_BASE))) {
			this.purchaseDays[i]++;
		}
	}

	/**
	 * The facts of every customer seen, in id order. The purchase-day set is released
	 * first.
	 */
	List<CustomerFacts> facts() {
		for (LongSet set : this.seenDays) {
			set.clear();
		}
		List<CustomerFacts> facts = new ArrayList<>();
		for (int i = 0; i < this.exists.length; i++) {
			if (!this.exists[i]) {
				continue;
			}
			long id = this.minId + i;
			if (this.orders[i] == 0) {
				// Returns of purchases made before the data begins still count against
				// the
				// customer.
				facts.add(CustomerFacts.onlyReturns(id, this.windowRevenue[i], this.windowGrossProfit[i],
						this.revenue[i], this.grossProfit[i]));
				continue;
			}
			int recency = (int) (this.asOfDay - this.lastDay[i]);
			int firstToLast = this.lastDay[i] - this.firstDay[i];
			int firstToAsOf = (int) (this.asOfDay - this.firstDay[i]);
			double repeatSpend = (this.purchaseDays[i] > 1) ? Math.max(0, this.purchaseSpend[i] - this.firstDaySpend[i])
					: 0;
			facts.add(new CustomerFacts(id, this.orders[i], this.purchaseDays[i], this.windowRevenue[i],
					this.windowGrossProfit[i], this.revenue[i], this.grossProfit[i], recency, firstToLast, firstToAsOf,
					repeatSpend));
		}
		return facts;
	}

	private int index(long customerId) {
		long i = customerId - this.minId;
		if (i < 0 || i >= this.exists.length) {
			throw new IllegalArgumentException("Customer id out of range: " + customerId);
		}
		return (int) i;
	}

	/**
	 * An open-addressing set of non-negative longs, sized once for the expected number of
	 * keys.
	 */
	static final class LongSet {

		private static final long EMPTY = -1;

		private long[] slots;

		private int size;

		LongSet(long expected) {
			int capacity = Integer.highestOneBit((int) Math.min(1L << 29, Math.max(16, expected * 4 / 3))) << 1;
			this.slots = new long[capacity];
			java.util.Arrays.fill(this.slots, EMPTY);
		}

		boolean add(long key) {
			if (this.size * 4L >= this.slots.length * 3L) {
				grow();
			}
			int mask = this.slots.length - 1;
			int slot = (int) (mix(key) & mask);
			while (true) {
				long current = this.slots[slot];
				if (current == EMPTY) {
					this.slots[slot] = key;
					this.size++;
					return true;
				}
				if (current == key) {
					return false;
				}
				slot = (slot + 1) & mask;
			}
		}

		void clear() {
			this.slots = new long[0];
			this.size = 0;
		}

		private void grow() {
			long[] old = this.slots;
			this.slots = new long[old.length * 2];
			java.util.Arrays.fill(this.slots, EMPTY);
			this.size = 0;
			for (long key : old) {
				if (key != EMPTY) {
					add(key);
				}
			}
		}

		private static long mix(long key) {
			long h = key * 0x9E3779B97F4A7C15L;
			return h ^ (h >>> 32);
		}

	}

}
