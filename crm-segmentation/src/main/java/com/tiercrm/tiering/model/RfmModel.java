package com.tiercrm.tiering.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * RFM scoring and segmentation. Recency is days since the last completed order as of the
 * run date, frequency the number of completed orders (not purchase days), monetary the
 * sum of the configured measure over them. Only customers who bought take part in
 * quintiles and means; a customer who never completed an order is
 * {@link RfmSegment#NO_PURCHASE} with zero scores. In the value matrix a customer is high
 * when recency is at or below the mean and when frequency or monetary value is at or
 * above the mean (ties count as high).
 */
public final class RfmModel {

	private final RfmSettings settings;

	/**
	 * Creates the model.
	 * @param settings the settings
	 */
	public RfmModel(RfmSettings settings) {
		this.settings = settings;
	}

	/**
	 * Scores and segments customers.
	 * @param customers the facts of all customers of the run
	 * @return one result per customer, in the order of {@code customers}
	 */
	public List<RfmResult> classify(List<CustomerFacts> customers) {
		List<RfmResult> list = new ArrayList<>(customers.size());
		classify(customers, (result, i) -> list.add(result));
		return list;
	}

	/**
	 * Classifies the customers and hands each result to {@code sink} with its index, in
	 * input order, without keeping them.
	 * @param customers the facts of all customers of the run
	 * @param sink receives each result and the index of its customer
	 */
	public void classify(List<CustomerFacts> customers, ObjIntConsumer<RfmResult> sink) {
		int buyers = (int) customers.stream().filter(CustomerFacts::hasPurchased).count();
		double[] recency = new double[buyers];
		double[] frequency = new double[buyers];
		double[] monetary = new double[buyers];
		int k = 0;
		for (CustomerFacts facts : customers) {
			if (facts.hasPurchased()) {
				recency[k] = recencyOf(facts);
				frequency[k] = facts.completedOrders();
				monetary[k] = this.settings.monetaryMeasure().totalValue(facts);
				k++;
			}
		}
		double meanRecency = mean(recency);
		double meanFrequency = mean(frequency);
		double meanMonetary = mean(monetary);
		Arrays.sort(recency);
		Arrays.sort(frequency);
		Arrays.sort(monetary);
		for (int index = 0; index < customers.size(); index++) {
			CustomerFacts facts = customers.get(index);
			if (!facts.hasPurchased()) {
				sink.accept(new RfmResult(facts.customerId(), -1, 0, 0, 0, 0, 0, 0, RfmSegment.NO_PURCHASE,
						Reason.of("rfm.reason.no-purchase")), index);
				continue;
			}
			int days = recencyOf(facts);
			double money = this.settings.monetaryMeasure().totalValue(facts);
			int r;
			int f;
			int m;
			if (this.settings.scoring() == RfmScoring.QUANTILE) {
				r = quintile(buyers - upperBound(recency, days), buyers);
				f = quintile(lowerBound(frequency, facts.completedOrders()), buyers);
				m = quintile(lowerBound(monetary, money), buyers);
			}
			else {
				r = this.settings.recencyCuts().recencyScore(days);
				f = this.settings.frequencyCuts().ascendingScore(facts.completedOrders());
				m = this.settings.monetaryCuts().ascendingScore(money);
			}
			int fm = (f + m + 1) / 2;
			RfmSegment segment;
			Reason reason;
			if (this.settings.scheme() == RfmScheme.VALUE_MATRIX) {
				segment = RfmSegment.ofMatrix(days <= meanRecency, facts.completedOrders() >= meanFrequency,
						money >= meanMonetary);
				reason = Reason.of("rfm.reason.matrix", days, meanRecency, facts.completedOrders(), meanFrequency,
						money, meanMonetary);
			}
			else {
				segment = RfmSegment.ofScores(r, fm);
				reason = Reason.of("rfm.reason.scores", r, f, m, fm);
			}
			sink.accept(new RfmResult(facts.customerId(), days, facts.completedOrders(), money, r, f, m, fm, segment,
					reason), index);
		}
	}

	private static int recencyOf(CustomerFacts facts) {
		Integer days = facts.recencyDays();
		return (days != null) ? days : -1;
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return (values.length > 0) ? sum / values.length : 0;
	}

	private static int quintile(int worse, int n) {
		return Math.min(5, 1 + (int) ((5L * worse) / n));
	}

	/** Number of sorted values strictly below {@code value}. */
	private static int lowerBound(double[] sorted, double value) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sorted[mid] < value) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	/** Number of sorted values at or below {@code value}. */
	private static int upperBound(double[] sorted, double value) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sorted[mid] <= value) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

}
