package com.tiercrm.tiering.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The Lorenz (Pareto) curve of a run, folded from customers' revenue in descending order
 * into a fixed number of points: for each point, the share of customers up to it and the
 * share of revenue they bring. Plain Java, one pass, constant memory.
 */
final class LorenzCurve {

	private final int points;

	private final long customers;

	private final double total;

	private final List<Point> folded = new ArrayList<>();

	private long rank;

	private double cumulative;

	/**
	 * @param points how many points the curve keeps
	 * @param customers how many customers will be added
	 * @param total their revenue
	 */
	LorenzCurve(int points, long customers, double total) {
		this.points = points;
		this.customers = Math.max(1, customers);
		this.total = total;
	}

	/** The next customer's revenue, the largest first. */
	void add(double revenue) {
		this.rank++;
		this.cumulative += revenue;
		int pointNo = (int) Math.ceil((double) this.points * this.rank / this.customers);
		double customerShare = (double) this.rank / this.customers;
		double revenueShare = (this.total > 0) ? this.cumulative / this.total : 0;
		Point last = this.folded.isEmpty() ? null : this.folded.get(this.folded.size() - 1);
		if (last != null && last.pointNo() == pointNo) {
			// Returns can make the running sum fall back: a point keeps the highest share
			// it reached.
			this.folded.set(this.folded.size() - 1, new Point(pointNo, Math.max(last.customerShare(), customerShare),
					Math.max(last.revenueShare(), revenueShare)));
		}
		else {
			this.folded.add(new Point(pointNo, customerShare, revenueShare));
		}
	}

	List<Point> points() {
		return List.copyOf(this.folded);
	}

	/** One point of the curve, numbered from 1. */
	record Point(int pointNo, double customerShare, double revenueShare) {

	}

}
