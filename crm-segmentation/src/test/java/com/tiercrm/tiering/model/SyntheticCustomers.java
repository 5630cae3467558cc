package com.tiercrm.tiering.model;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A seeded customer base drawn from BG/NBD and Gamma-Gamma with known parameters, in
 * whole days: each customer's first purchase falls uniformly in the first
 * {@code firstPurchaseDays} days, purchases follow a Poisson process of rate λ ~ Gamma(r,
 * α), after each repeat purchase the customer drops out with probability p ~ Beta(a, b),
 * and each order's amount is Gamma(p, ν) with ν ~ Gamma(q, γ). Orders on the same day are
 * one purchase day with their amounts added, as the run's facts reader sees them.
 */
public final class SyntheticCustomers {

	/** The generating BG/NBD parameters of the issue, in days. */
	public static final BgNbdParameters PURCHASES = new BgNbdParameters(0.6, 40, 0.8, 3.5);

	/** The generating Gamma-Gamma parameters of the issue (amounts in the hundreds). */
	public static final GammaGammaParameters SPEND = new GammaGammaParameters(5, 3, 60);

	private final List<Customer> customers;

	private final int observationDays;

	private SyntheticCustomers(List<Customer> customers, int observationDays) {
		this.customers = customers;
		this.observationDays = observationDays;
	}

	/**
	 * Draws a customer base with {@link #PURCHASES} and {@link #SPEND}.
	 * @param size number of customers
	 * @param firstPurchaseDays first purchases fall on days 0 to this (exclusive)
	 * @param observationDays the as-of day, counted from day 0
	 * @param seed the seed
	 * @return the customers
	 */
	public static SyntheticCustomers draw(int size, int firstPurchaseDays, int observationDays, long seed) {
		RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(seed));
		List<Customer> customers = new ArrayList<>(size);
		for (int id = 1; id <= size; id++) {
			double rate = random.nextGamma(PURCHASES.r(), 1 / PURCHASES.alpha());
			double dropOut = random.nextBeta(PURCHASES.a(), PURCHASES.b());
			double nu = random.nextGamma(SPEND.q(), 1 / SPEND.gamma());
			int first = random.nextInt(0, firstPurchaseDays - 1);
			List<Integer> days = new ArrayList<>();
			List<Double> amounts = new ArrayList<>();
			days.add(first);
			amounts.add(random.nextGamma(SPEND.p(), 1 / nu));
			double time = first;
			while (true) {
				time += random.nextExponential(1 / rate);
				int day = (int) Math.floor(time);
				if (day > observationDays) {
					break;
				}
				double amount = random.nextGamma(SPEND.p(), 1 / nu);
				if (day == days.get(days.size() - 1)) {
					amounts.set(amounts.size() - 1, amounts.get(amounts.size() - 1) + amount);
				}
				else {
					days.add(day);
					amounts.add(amount);
				}
				if (random.nextDouble() < dropOut) {
					break;
				}
			}
			customers.add(new Customer(id, days.stream().mapToInt(Integer::intValue).toArray(),
					amounts.stream().mapToDouble(Double::doubleValue).toArray()));
		}
		return new SyntheticCustomers(List.copyOf(customers), observationDays);
	}

	/**
	 * The customers.
	 * @return the customers
	 */
	public List<Customer> customers() {
		return this.customers;
	}

	/**
	 * The as-of day.
	 * @return days from day 0
	 */
	public int observationDays() {
		return this.observationDays;
	}

	/**
	 * Number of purchase days of all customers.
	 * @return the count
	 */
	public int purchaseDays() {
		return this.customers.stream().mapToInt((customer) -> customer.days().length).sum();
	}

	/**
	 * The BG/NBD data in days.
	 * @return the data
	 */
	BgNbdData purchaseData() {
		int n = this.customers.size();
		int[] x = new int[n];
		int[] tx = new int[n];
		int[] t = new int[n];
		for (int i = 0; i < n; i++) {
			int[] days = this.customers.get(i).days();
			x[i] = days.length - 1;
			tx[i] = days[days.length - 1] - days[0];
			t[i] = this.observationDays - days[0];
		}
		return BgNbdData.ofDays(x, tx, t, 1);
	}

	/**
	 * The facts a run would read, as of {@link #observationDays()}, amounts multiplied by
	 * {@code scale}; each purchase day is one order.
	 * @param scale the amount scale
	 * @return the facts, one per customer
	 */
	public List<CustomerFacts> facts(double scale) {
		return this.customers.stream().map((customer) -> {
			int[] days = customer.days();
			double total = 0;
			double repeat = 0;
			for (int k = 0; k < days.length; k++) {
				double amount = customer.amounts()[k] * scale;
				total += amount;
				repeat += (k > 0) ? amount : 0;
			}
			int last = days[days.length - 1];
			return new CustomerFacts(customer.id(), days.length, days.length, total, total, total, total,
					this.observationDays - last, last - days[0], this.observationDays - days[0], repeat);
		}).toList();
	}

	/**
	 * Repeat purchase days per customer.
	 * @return x per customer
	 */
	int[] repeatPurchases() {
		return this.customers.stream().mapToInt((customer) -> customer.days().length - 1).toArray();
	}

	/**
	 * Mean repeat-day spend per customer, amounts multiplied by {@code scale}.
	 * @param scale the amount scale
	 * @return the mean, 0 without repeat purchases
	 */
	double[] meanRepeatSpend(double scale) {
		return this.customers.stream().mapToDouble((customer) -> {
			double[] amounts = customer.amounts();
			double sum = 0;
			for (int k = 1; k < amounts.length; k++) {
				sum += amounts[k] * scale;
			}
			return (amounts.length > 1) ? sum / (amounts.length - 1) : 0;
		}).toArray();
	}

	/**
	 * One customer's purchase days and the amounts spent on them.
	 *
	 * @param id the customer number, from 1
	 * @param days purchase days, ascending, from day 0
	 * @param amounts amount per purchase day
	 */
	public record Customer(long id, int[] days, double[] amounts) {

	}

}
