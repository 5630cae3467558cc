package com.tiercrm.tiering.forecast;

import java.util.List;

import com.tiercrm.tiering.model.BgNbdParameters;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.Reason;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The analytic conditional means and variances of a customer's purchases and revenue
 * (what the normal interval of a large group adds up) against Monte-Carlo draws of the
 * customer's future, written here plainly (one draw of alive, λ, p and ν, then the
 * purchases one by one), not with the forecaster's simulation.
 */
class CustomerOutlookVarianceTests {

	private static final int DRAWS = 400_000;

	@Test
	void jacobiRuleIntegratesBetaMoments() {
		double a = 0.8;
		double b = 7.5;
		double[][] rule = PurchaseMoments.jacobiRule(a, b, 24);
		double weights = 0;
		double mean = 0;
		double square = 0;
		double fifth = 0;
		for (int i = 0; i < rule[0].length; i++) {
			assertThat(rule[0][i]).isBetween(0.0, 1.0);
			weights += rule[1][i];
			mean += rule[1][i] * rule[0][i];
			square += rule[1][i] * rule[0][i] * rule[0][i];
			fifth += rule[1][i] * Math.pow(rule[0][i], 5);
		}
		assertThat(weights).isCloseTo(1, within(1e-12));
		assertThat(mean).isCloseTo(a / (a + b), within(1e-12));
		assertThat(square).isCloseTo(a * (a + 1) / ((a + b) * (a + b + 1)), within(1e-12));
		double expectedFifth = 1;
		for (int k = 0; k < 5; k++) {
			expectedFifth *= (a + k) / (a + b + k);
		}
		assertThat(fifth).isCloseTo(expectedFifth, within(1e-12));
	}

	@Test
	void seriesAndDirectFormulaMeetNearZero() {
		for (double r : new double[] { 0.3, 2.5, 40 }) {
			for (double cu : new double[] { 0.001, 0.005, 0.01, 0.02 }) {
				double u = cu / (r + 1);
				assertThat(PurchaseMoments.psiSeries(r, u)).isCloseTo(PurchaseMoments.psiDirect(r, u),
						within(1e-10 * r * (r + 1)));
			}
			assertThat(PurchaseMoments.psi(r, 0)).isCloseTo(r * (r + 1) / 2, within(1e-12));
			assertThat(PurchaseMoments.phi(r, 0)).isCloseTo(r, within(1e-12));
		}
	}

	@Test
	void quadratureReproducesTheExactMeanAcrossHistories() {
		for (BgNbdParameters model : List.of(new BgNbdParameters(0.6, 40, 0.8, 3.5),
				new BgNbdParameters(0.243, 4.414, 0.793, 2.426),
				new BgNbdParameters(0.525, 6.18, 0.891, 1.614, ClvPurchaseModel.MBG_NBD),
				new BgNbdParameters(2.5, 3, 0.3, 0.4))) {
			PurchaseMoments moments = new PurchaseMoments(model);
			for (int x : new int[] { 0, 1, 3, 10, 60, 300 }) {
				for (double t : new double[] { 0, 1, 30, 400 }) {
					for (double horizon : new double[] { 1, 13, 91 }) {
						double exact = model.expectedPurchasesIfAlive(horizon, x, t);
						double[] ifAlive = moments.ifAlive(horizon, x, t, exact);
						assertThat(ifAlive[1]).as("%s x=%d T=%s h=%s", model, x, t, horizon)
							.isFinite()
							.isGreaterThanOrEqualTo(exact);
					}
				}
			}
		}
	}

	@Test
	void syntheticCustomersMatchMonteCarlo() {
		ClvFit fit = SyntheticHoldout.trueParameters();
		// one-time buyer, a regular, a lapsed regular, a heavy buyer, a new one
		checkAgainstDraws(fit, 91, facts(1, 0, 200, 0), 1);
		checkAgainstDraws(fit, 91, facts(6, 170, 180, 500), 2);
		checkAgainstDraws(fit, 30, facts(4, 60, 300, 300), 3);
		checkAgainstDraws(fit, 91, facts(25, 330, 340, 3000), 4);
		checkAgainstDraws(fit, 30, facts(2, 3, 5, 80), 5);
	}

	@Test
	void modifiedModelInWeeksMatchesMonteCarlo() {
		ClvFit fit = fit(0.525, 6.18, 0.891, 1.614, 6.25, 3.74, 15.44, ClvTimeUnit.WEEK, ClvPurchaseModel.MBG_NBD);
		checkAgainstDraws(fit, 273, facts(1, 0, 400, 0), 6);
		checkAgainstDraws(fit, 91, facts(3, 300, 380, 90), 7);
		checkAgainstDraws(fit, 273, facts(12, 500, 520, 400), 8);
	}

	@Test
	void withoutGammaGammaRevenueVariesWithTheCountOnly() {
		ClvFit known = SyntheticHoldout.trueParameters();
		ClvFit withoutSpend = fit(known.r(), known.alpha(), known.a(), known.b(), Double.NaN, Double.NaN, Double.NaN,
				ClvTimeUnit.DAY, ClvPurchaseModel.BG_NBD);
		CustomerFacts facts = facts(5, 120, 200, 400);
		CustomerOutlook outlook = new CustomerOutlook(List.of(facts), withoutSpend, 91);
		double purchases = outlook.expectedPurchases(facts);
		double spend = outlook.expectedSpend(facts);
		assertThat(spend).isCloseTo(100, within(1e-9));
		double[] variances = outlook.variances(facts, purchases, spend);
		assertThat(variances[1]).isCloseTo(spend * spend * variances[0], within(1e-9 * variances[1]));
		checkAgainstDraws(withoutSpend, 91, facts, 9);
	}

	@Test
	void neverBoughtVariesNot() {
		CustomerFacts none = new CustomerFacts(1, 0, 0, 0, 0, 0, 0, null, 0, 0, 0);
		CustomerOutlook outlook = new CustomerOutlook(List.of(none), SyntheticHoldout.trueParameters(), 91);
		assertThat(outlook.variances(none, 0, outlook.expectedSpend(none))).containsExactly(0, 0);
	}

	/**
	 * Draws the customer's future {@link #DRAWS} times and compares the sample means and
	 * variances with the analytic ones, within five standard errors of the sample
	 * statistic (the variance's from the sample's fourth central moment).
	 */
	private static void checkAgainstDraws(ClvFit fit, int horizonDays, CustomerFacts facts, long seed) {
		CustomerOutlook outlook = new CustomerOutlook(List.of(facts), fit, horizonDays);
		double purchases = outlook.expectedPurchases(facts);
		double spend = outlook.expectedSpend(facts);
		double revenue = purchases * spend;
		double[] variances = outlook.variances(facts, purchases, spend);
		double[][] draws = draw(fit, outlook, horizonDays, facts, spend, seed);
		String description = String.format("%s over %d days", facts, horizonDays);
		System.out.printf(
				"%s: purchases %.5f (draws %.5f), variance %.5f (draws %.5f); revenue %.3f (%.3f), "
						+ "variance %.1f (%.1f)%n",
				description, purchases, mean(draws[0]), variances[0], variance(draws[0]), revenue, mean(draws[1]),
				variances[1], variance(draws[1]));
		assertThat(variances[0]).as(description).isPositive();
		assertThat(mean(draws[0])).as(description).isCloseTo(purchases, within(5 * meanError(draws[0])));
		assertThat(variance(draws[0])).as(description).isCloseTo(variances[0], within(5 * varianceError(draws[0])));
		assertThat(mean(draws[1])).as(description).isCloseTo(revenue, within(5 * meanError(draws[1])));
		assertThat(variance(draws[1])).as(description).isCloseTo(variances[1], within(5 * varianceError(draws[1])));
		// and close in relative terms, so that a missing term cannot hide in the noise
		assertThat(variance(draws[0])).as(description).isCloseTo(variances[0], within(0.05 * variances[0]));
		assertThat(variance(draws[1])).as(description).isCloseTo(variances[1], within(0.15 * variances[1]));
	}

	private static double[][] draw(ClvFit fit, CustomerOutlook outlook, int horizonDays, CustomerFacts facts,
			double spend, long seed) {
		RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(seed));
		BgNbdParameters model = fit.bgNbd();
		double unitsPerDay = 1 / fit.timeUnit().days();
		double horizon = horizonDays * unitsPerDay;
		int x = facts.repeatPurchaseDays();
		double t = facts.daysFirstPurchaseToAsOf() * unitsPerDay;
		double alive = outlook.probabilityAlive(facts);
		double shift = (model.model() == ClvPurchaseModel.MBG_NBD) ? 1 : 0;
		double meanSpend = (x > 0) ? facts.repeatDaysSpend() / x : 0;
		double[] counts = new double[DRAWS];
		double[] revenues = new double[DRAWS];
		for (int d = 0; d < DRAWS; d++) {
			if (random.nextDouble() >= alive) {
				continue;
			}
			double rate = random.nextGamma(model.r() + x, 1 / (model.alpha() + t));
			double dropOut = random.nextBeta(model.a(), model.b() + x + shift);
			int count = 0;
			double time = random.nextExponential(1 / rate);
			while (time <= horizon) {
				count++;
				if (random.nextDouble() < dropOut) {
					break;
				}
				time += random.nextExponential(1 / rate);
			}
			counts[d] = count;
			if (fit.spendFitted()) {
				double nu = random.nextGamma(fit.gammaGamma().q() + fit.gammaGamma().p() * x,
						1 / (fit.gammaGamma().gamma() + x * meanSpend));
				for (int k = 0; k < count; k++) {
					revenues[d] += random.nextGamma(fit.gammaGamma().p(), 1 / nu);
				}
			}
			else {
				revenues[d] = count * spend;
			}
		}
		return new double[][] { counts, revenues };
	}

	private static CustomerFacts facts(int purchaseDays, int firstToLast, int firstToAsOf, double repeatSpend) {
		double total = repeatSpend + 100;
		return new CustomerFacts(7, purchaseDays, purchaseDays, total, total, total, total, firstToAsOf - firstToLast,
				firstToLast, firstToAsOf, repeatSpend);
	}

	private static ClvFit fit(double r, double alpha, double a, double b, double p, double q, double gamma,
			ClvTimeUnit unit, ClvPurchaseModel model) {
		return new ClvFit(r, alpha, a, b, p, q, gamma, Double.NaN, Double.NaN, unit, 0, 0, true, 0, 0, 0, false, null,
				model, Double.isFinite(p) ? null : Reason.of("clv.fallback.gamma-gamma-failed", 0));
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return sum / values.length;
	}

	private static double variance(double[] values) {
		return centralMoment(values, 2) * values.length / (values.length - 1);
	}

	private static double meanError(double[] values) {
		return Math.sqrt(variance(values) / values.length);
	}

	private static double varianceError(double[] values) {
		double second = centralMoment(values, 2);
		return Math.sqrt((centralMoment(values, 4) - second * second) / values.length);
	}

	private static double centralMoment(double[] values, int order) {
		double mean = mean(values);
		double sum = 0;
		for (double value : values) {
			sum += Math.pow(value - mean, order);
		}
		return sum / values.length;
	}

}
