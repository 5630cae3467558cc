package com.tiercrm.tiering.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.CustomerFacts;

/**
 * Every customer's results of a run or preview: each model's results, and the tier that
 * follows from them. Held column-wise in primitive arrays, so that a million customers
 * cost tens of megabytes, not a million result objects per model.
 */
final class Segmentation {

	final long[] customerIds;

	final double[] totalRevenue;

	/**
	 * Gross profit of the completed orders to the as-of date, kept for the run's
	 * aggregates.
	 */
	final double[] totalGrossProfit;

	final String[] tiers;

	final short[] downgradeStreaks;

	/** Each model's results by model code, in the models' order. */
	private final Map<String, ModelResults> results = new LinkedHashMap<>();

	/** How long each model took, in milliseconds. */
	private final Map<String, Long> millis = new LinkedHashMap<>();

	Segmentation(List<CustomerFacts> facts) {
		int n = facts.size();
		this.customerIds = new long[n];
		this.totalRevenue = new double[n];
		this.totalGrossProfit = new double[n];
		for (int i = 0; i < n; i++) {
			this.customerIds[i] = facts.get(i).customerId();
			this.totalRevenue[i] = facts.get(i).totalRevenue();
			this.totalGrossProfit[i] = facts.get(i).totalGrossProfit();
		}
		this.tiers = new String[n];
		this.downgradeStreaks = new short[n];
	}

	void put(String model, ModelResults modelResults, long modelMillis) {
		if (modelResults.size() != size()) {
			throw new IllegalStateException(
					"Tier model " + model + " classified " + modelResults.size() + " of " + size() + " customers");
		}
		this.results.put(model, modelResults);
		this.millis.put(model, modelMillis);
	}

	ModelResults results(String model) {
		return Objects.requireNonNull(this.results.get(model), model);
	}

	Map<String, ModelResults> results() {
		return this.results;
	}

	long millis(String model) {
		return this.millis.getOrDefault(model, 0L);
	}

	// The built-in models' figures feed the dashboard, so they are always there: zeros
	// until their model has run. Made only when asked for before that, so that a run of
	// a million customers does not allocate them twice.

	AbcResults abc() {
		return (AbcResults) this.results.computeIfAbsent(AbcTierModel.CODE, (code) -> new AbcResults(size()));
	}

	RfmResults rfm() {
		return (RfmResults) this.results.computeIfAbsent(RfmTierModel.CODE, (code) -> new RfmResults(size()));
	}

	ClvResults clv() {
		return (ClvResults) this.results.computeIfAbsent(ClvTierModel.CODE, (code) -> new ClvResults(size()));
	}

	ClvFit fit() {
		return Objects.requireNonNull(clv().fit, "the CLV model has not run");
	}

	int size() {
		return this.customerIds.length;
	}

	/**
	 * The customers' revenue (net of returns) in total and per tier, summed with
	 * compensation so that a million customers' sums stay exact to four decimals.
	 */
	RunReport.Revenue revenue() {
		Map<String, DoubleSummaryStatistics> byTier = new LinkedHashMap<>();
		DoubleSummaryStatistics total = new DoubleSummaryStatistics();
		for (int i = 0; i < this.tiers.length; i++) {
			byTier.computeIfAbsent(this.tiers[i], (tier) -> new DoubleSummaryStatistics()).accept(this.totalRevenue[i]);
			total.accept(this.totalRevenue[i]);
		}
		Map<String, BigDecimal> sums = new LinkedHashMap<>();
		byTier.forEach((tier, stats) -> sums.put(tier, money(stats.getSum())));
		return new RunReport.Revenue(money(total.getSum()), sums);
	}

	/** A sum to four decimals, with fewer when they are zeros (at least two). */
	private static BigDecimal money(double sum) {
		BigDecimal rounded = BigDecimal.valueOf(sum).setScale(4, RoundingMode.HALF_EVEN);
		return rounded.setScale(Math.max(2, rounded.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
	}

	Map<String, Long> tierCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String tier : this.tiers) {
			counts.merge(tier, 1L, Long::sum);
		}
		return counts;
	}

}
