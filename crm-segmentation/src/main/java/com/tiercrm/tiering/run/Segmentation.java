package com.tiercrm.tiering.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.model.AbcClass;
import com.tiercrm.tiering.model.AbcResult;
import com.tiercrm.tiering.model.ClvClass;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvMethod;
import com.tiercrm.tiering.model.ClvResult;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.RfmResult;
import com.tiercrm.tiering.model.RfmSegment;

/**
 * Every customer's results of a run or preview, held column-wise in primitive arrays so
 * that a million customers cost tens of megabytes, not a million result objects per
 * model. Filled model by model, so each model's result list can be dropped as soon as it
 * has been copied in.
 */
final class Segmentation {

	private static final AbcClass[] ABC = AbcClass.values();

	private static final RfmSegment[] RFM = RfmSegment.values();

	private static final ClvClass[] CLV = ClvClass.values();

	private static final ClvMethod[] METHODS = ClvMethod.values();

	final long[] customerIds;

	final double[] totalRevenue;

	/**
	 * Gross profit of the completed orders to the as-of date, kept for the run's
	 * aggregates.
	 */
	final double[] totalGrossProfit;

	final byte[] abcClass;

	final double[] abcValue;

	final int[] abcRank;

	final double[] abcShareBefore;

	final ReasonColumn abcReason;

	final int[] recencyDays;

	final int[] frequency;

	final double[] monetary;

	final byte[] recencyScore;

	final byte[] frequencyScore;

	final byte[] monetaryScore;

	final byte[] rfmSegment;

	final ReasonColumn rfmReason;

	final double[] clvHistorical;

	final double[] clvPredicted;

	final byte[] clvMethod;

	final double[] probabilityAlive;

	final double[] expectedPurchases;

	final double[] expectedSpend;

	final int[] clvRank;

	final byte[] clvClass;

	final ReasonColumn clvReason;

	final String[] tiers;

	final short[] downgradeStreaks;

	ClvFit fit;

	long abcRfmMillis;

	long clvFitMillis;

	long clvScoreMillis;

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
		this.abcClass = new byte[n];
		this.abcValue = new double[n];
		this.abcRank = new int[n];
		this.abcShareBefore = new double[n];
		this.abcReason = new ReasonColumn(n);
		this.recencyDays = new int[n];
		this.frequency = new int[n];
		this.monetary = new double[n];
		this.recencyScore = new byte[n];
		this.frequencyScore = new byte[n];
		this.monetaryScore = new byte[n];
		this.rfmSegment = new byte[n];
		this.rfmReason = new ReasonColumn(n);
		this.clvHistorical = new double[n];
		this.clvPredicted = new double[n];
		this.clvMethod = new byte[n];
		this.probabilityAlive = new double[n];
		this.expectedPurchases = new double[n];
		this.expectedSpend = new double[n];
		this.clvRank = new int[n];
		this.clvClass = new byte[n];
		this.clvReason = new ReasonColumn(n);
		this.tiers = new String[n];
		this.downgradeStreaks = new short[n];
	}

	void abc(AbcResult r, int i) {
		this.abcClass[i] = (byte) r.abcClass().ordinal();
		this.abcValue[i] = r.value();
		this.abcRank[i] = r.rank();
		this.abcShareBefore[i] = r.shareBefore();
		this.abcReason.set(i, r.reason());
	}

	void rfm(RfmResult r, int i) {
		this.recencyDays[i] = r.recencyDays();
		this.frequency[i] = r.frequency();
		this.monetary[i] = r.monetary();
		this.recencyScore[i] = (byte) r.recencyScore();
		this.frequencyScore[i] = (byte) r.frequencyScore();
		this.monetaryScore[i] = (byte) r.monetaryScore();
		this.rfmSegment[i] = (byte) r.segment().ordinal();
		this.rfmReason.set(i, r.reason());
	}

	void clv(ClvResult r, int i) {
		this.clvHistorical[i] = r.historicalValue();
		this.clvPredicted[i] = r.predictedValue();
		this.clvMethod[i] = (byte) r.method().ordinal();
		this.probabilityAlive[i] = r.probabilityAlive();
		this.expectedPurchases[i] = r.expectedPurchases();
		this.expectedSpend[i] = r.expectedSpend();
		this.clvRank[i] = r.rank();
		this.clvClass[i] = (byte) r.clvClass().ordinal();
		this.clvReason.set(i, r.reason());
	}

	int size() {
		return this.customerIds.length;
	}

	AbcClass abcClass(int i) {
		return ABC[this.abcClass[i]];
	}

	RfmSegment rfmSegment(int i) {
		return RFM[this.rfmSegment[i]];
	}

	ClvClass clvClass(int i) {
		return CLV[this.clvClass[i]];
	}

	ClvMethod clvMethod(int i) {
		return METHODS[this.clvMethod[i]];
	}

	Map<String, Long> abcCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < size(); i++) {
			counts.merge(abcClass(i).name(), 1L, Long::sum);
		}
		return counts;
	}

	Map<String, Long> rfmCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < size(); i++) {
			counts.merge(rfmSegment(i).name(), 1L, Long::sum);
		}
		return counts;
	}

	Map<String, Long> clvCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < size(); i++) {
			counts.merge(clvClass(i).name(), 1L, Long::sum);
		}
		return counts;
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
