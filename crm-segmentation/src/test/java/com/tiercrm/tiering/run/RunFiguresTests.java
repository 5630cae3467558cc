package com.tiercrm.tiering.run;

import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.insight.GroupStats;
import com.tiercrm.tiering.insight.RunDashboard;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.RfmSegment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunFiguresTests {

	/**
	 * Four customers: a repeat buyer in A, a one-time buyer in B and a repeat buyer in C
	 * in the same heat map cell, and a customer with only a return.
	 */
	private final Segmentation segmentation = segmentation();

	private final RunFigures.Satisfaction satisfaction = new RunFigures.Satisfaction(new double[] { 9, 0, 3, 0 },
			new int[] { 2, 0, 1, 0 });

	@Test
	void sumsEveryCustomerIntoTheirTierAndSegment() {
		RunFigures figures = RunFigures.of(this.segmentation, this.satisfaction, null);

		assertThat(figures.tiers()).containsExactly(
				Map.entry("ABC:A", new GroupStats("ABC:A", 1, 600, 150, 1000, 1, 1, 9, 2)),
				Map.entry("ABC:B", new GroupStats("ABC:B", 1, 300, 75, 200, 1, 0, 0, 0)),
				Map.entry("ABC:C", new GroupStats("ABC:C", 1, 100, 25, 50, 1, 1, 3, 1)),
				Map.entry("ABC:NO_PURCHASE", new GroupStats("ABC:NO_PURCHASE", 1, -50, -10, 0, 0, 0, 0, 0)));
		assertThat(figures.segments()).containsExactly(
				Map.entry("IMPORTANT_VALUE", new GroupStats("IMPORTANT_VALUE", 1, 600, 150, 1000, 1, 1, 9, 2)),
				Map.entry("GENERAL_RETAIN", new GroupStats("GENERAL_RETAIN", 2, 400, 100, 250, 2, 1, 3, 1)),
				Map.entry("NO_PURCHASE", new GroupStats("NO_PURCHASE", 1, -50, -10, 0, 0, 0, 0, 0)));
		assertThat(figures.total()).isEqualTo(new GroupStats("", 4, 950, 240, 1250, 3, 2, 12, 3));
		assertThat(figures.revenueShares().get("ABC:A")).isCloseTo(600.0 / 950, within(1e-12));
		assertThat(figures.revenueShares().get("ABC:NO_PURCHASE")).isCloseTo(-50.0 / 950, within(1e-12));
		assertThat(figures.changes()).isNull();
	}

	@Test
	void theHeatMapCountsTheBuyersOfEachRecencyAndFrequencyScore() {
		RunFigures figures = RunFigures.of(this.segmentation, this.satisfaction, null);

		// The customer without a purchase (scores 0) is in no cell.
		assertThat(figures.cells()).containsExactly(new RunDashboard.RfmCell(3, 1, 2, 400),
				new RunDashboard.RfmCell(5, 5, 1, 600));
	}

	@Test
	void theLorenzCurveFoldsTheRevenueLargestFirst() {
		RunFigures figures = RunFigures.of(this.segmentation, this.satisfaction, null);

		// Four customers on 100 points: every customer ends a quarter.
		assertThat(figures.lorenz()).containsExactly(new LorenzCurve.Point(25, 0.25, 600.0 / 950),
				new LorenzCurve.Point(50, 0.5, 900.0 / 950), new LorenzCurve.Point(75, 0.75, 1000.0 / 950),
				new LorenzCurve.Point(100, 1, 1));
	}

	private static Segmentation segmentation() {
		Segmentation s = new Segmentation(List.of(CustomerFacts.noPurchase(1), CustomerFacts.noPurchase(2),
				CustomerFacts.noPurchase(3), CustomerFacts.noPurchase(4)));
		customer(s, 0, "ABC:A", RfmSegment.IMPORTANT_VALUE, 600, 150, 1000, 3, 5, 5);
		customer(s, 1, "ABC:B", RfmSegment.GENERAL_RETAIN, 300, 75, 200, 1, 3, 1);
		customer(s, 2, "ABC:C", RfmSegment.GENERAL_RETAIN, 100, 25, 50, 2, 3, 1);
		customer(s, 3, "ABC:NO_PURCHASE", RfmSegment.NO_PURCHASE, -50, -10, 0, 0, 0, 0);
		return s;
	}

	private static void customer(Segmentation s, int i, String tier, RfmSegment segment, double revenue, double profit,
			double clv, int frequency, int r, int f) {
		s.tiers[i] = tier;
		s.rfm().segment[i] = (byte) segment.ordinal();
		s.totalRevenue[i] = revenue;
		s.totalGrossProfit[i] = profit;
		s.clv().predicted[i] = clv;
		s.rfm().frequency[i] = frequency;
		s.rfm().recencyScore[i] = (byte) r;
		s.rfm().frequencyScore[i] = (byte) f;
	}

}
