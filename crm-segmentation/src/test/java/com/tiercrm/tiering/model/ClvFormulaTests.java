package com.tiercrm.tiering.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The discounted CLV sum against lifetimes' quickstart on the CDNOW sample (weekly data),
 * both with its {@code freq="D"} factor of 30 units a month and with the right 4.345.
 */
class ClvFormulaTests {

	private static double[] clv(double unitsPerMonth) {
		GammaGammaFitterTests.Summary summary = GammaGammaFitterTests.summary();
		BgNbdParameters bgNbd = BgNbdFitter.fit(summary.x(), summary.tx(), summary.t()).parameters();
		GammaGammaParameters gammaGamma = GammaGammaFitter.fit(summary.x(), summary.meanSpend()).parameters();
		assertThat(bgNbd).isNotNull();
		assertThat(gammaGamma).isNotNull();
		double[] values = new double[10];
		for (int i = 0; i < 10; i++) {
			int x = summary.x()[i];
			double[] ifAlive = ClvModel.discountedPurchasesIfAlive(bgNbd, x, summary.t()[i], 12, unitsPerMonth, 0.01);
			values[i] = gammaGamma.conditionalExpectedSpend(x, summary.meanSpend()[i])
					* bgNbd.probabilityAlive(x, summary.tx()[i], summary.t()[i]) * ifAlive[0];
		}
		return values;
	}

	@Test
	void lifetimesDailyFactorOnWeeklyDataReproducesTheQuickstart() {
		double[] published = { 140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683,
				38.180574, 167.418216, 38.180574 };
		double[] values = clv(30);
		for (int i = 0; i < 10; i++) {
			assertThat(values[i]).isCloseTo(published[i], within(published[i] * 2e-5));
		}
	}

	@Test
	void weeklyFactorGivesTheCorrectedValues() {
		double[] expected = { 36.2785, 4.6375, 8.3441, 8.3441, 8.3441, 283.5236, 6.8814, 8.3441, 43.3536, 8.3441 };
		double[] values = clv(ClvTimeUnit.WEEK.perMonth());
		for (int i = 0; i < 10; i++) {
			assertThat(values[i]).isCloseTo(expected[i], within(expected[i] * 2e-5));
		}
	}

	@Test
	void oneMonthWithoutDiscountIsTheConditionalExpectation() {
		BgNbdParameters parameters = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
		double[] ifAlive = ClvModel.discountedPurchasesIfAlive(parameters, 2, 38.86, 1, 39, 0);
		assertThat(ifAlive[0] * parameters.probabilityAlive(2, 30.43, 38.86)).isCloseTo(1.226028, within(1e-6));
		double[] halved = ClvModel.discountedPurchasesIfAlive(parameters, 2, 38.86, 1, 39, 1);
		assertThat(halved[0]).isCloseTo(ifAlive[0] / 2, within(1e-12));
	}

}
