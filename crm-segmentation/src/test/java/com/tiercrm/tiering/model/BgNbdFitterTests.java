package com.tiercrm.tiering.model;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * BG/NBD against Fader, Hardie and Lee (2005) on the CDNOW sample summary, in weeks.
 */
class BgNbdFitterTests {

	private static final BgNbdParameters PUBLISHED = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

	static Summary summary() {
		List<String[]> rows = CdnowFiles.rows("cdnow_customers_summary.csv", ",", true);
		Summary summary = new Summary(new int[rows.size()], new double[rows.size()], new double[rows.size()]);
		for (int i = 0; i < rows.size(); i++) {
			summary.x()[i] = Integer.parseInt(rows.get(i)[1]);
			summary.tx()[i] = Double.parseDouble(rows.get(i)[2]);
			summary.t()[i] = Double.parseDouble(rows.get(i)[3]);
		}
		return summary;
	}

	record Summary(int[] x, double[] tx, double[] t) {

	}

	@Test
	void fitReproducesThePublishedParametersAndLogLikelihood() {
		Summary summary = summary();
		BgNbdFit fit = BgNbdFitter.fit(summary.x(), summary.tx(), summary.t());
		assertThat(fit.converged()).isTrue();
		assertThat(fit.customers()).isEqualTo(2357);
		BgNbdParameters parameters = fit.parameters();
		assertThat(parameters).isNotNull();
		assertThat(parameters.r()).isCloseTo(0.243, within(0.0005));
		assertThat(parameters.alpha()).isCloseTo(4.414, within(0.0005));
		assertThat(parameters.a()).isCloseTo(0.793, within(0.0005));
		assertThat(parameters.b()).isCloseTo(2.426, within(0.0005));
		assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
	}

	@Test
	void logLikelihoodAtThePublishedParametersMatches() {
		Summary summary = summary();
		double sum = 0;
		for (int i = 0; i < summary.x().length; i++) {
			sum += PUBLISHED.logLikelihood(summary.x()[i], summary.tx()[i], summary.t()[i]);
		}
		assertThat(sum).isCloseTo(-9582.427, within(0.001));
		assertThat(BgNbdFitter.logLikelihood(BgNbdData.of(summary.x(), summary.tx(), summary.t()), PUBLISHED))
			.isCloseTo(-9582.427, within(0.001));
	}

	@Test
	void conditionalExpectationsAndProbabilityAliveMatchTheReference() {
		assertThat(PUBLISHED.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226028, within(1e-6));
		double[][] first10 = { { 2, 30.43, 0.726579, 1.226028 }, { 1, 1.71, 0.212101, 0.203187 },
				{ 0, 0, 1.0, 0.195098 }, { 7, 29.43, 0.641756, 3.337053 }, { 1, 5.0, 0.314786, 0.301556 },
				{ 2, 35.71, 0.784791, 1.324255 } };
		for (double[] row : first10) {
			int x = (int) row[0];
			assertThat(PUBLISHED.probabilityAlive(x, row[1], 38.86)).isCloseTo(row[2], within(1e-6));
			assertThat(PUBLISHED.conditionalExpectedPurchases(39, x, row[1], 38.86)).isCloseTo(row[3], within(1e-6));
		}
	}

	@Test
	void newCustomerExpectationsAtTheFittedParametersMatchTheReference() {
		Summary summary = summary();
		BgNbdParameters fitted = BgNbdFitter.fit(summary.x(), summary.tx(), summary.t()).parameters();
		assertThat(fitted).isNotNull();
		double[] t = { 0.1429, 1.0, 3.0, 31.8571, 32.0, 78.0 };
		double[] expected = { 0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576 };
		for (int i = 0; i < t.length; i++) {
			assertThat(fitted.expectedPurchasesNewCustomer(t[i])).isCloseTo(expected[i], within(1e-3));
		}
	}

	@Test
	void singleCustomerLogLikelihoodIsStableForManyPurchases() {
		BgNbdParameters parameters = new BgNbdParameters(0.25, 4, 0.8, 2.5);
		assertThat(parameters.logLikelihood(0, 0, 40)).isCloseTo(-0.59947382, within(1e-7));
		assertThat(parameters.logLikelihood(200, 38, 40)).isCloseTo(100.7957, within(1e-4));
	}

	@ParameterizedTest
	@EnumSource(ClvPurchaseModel.class)
	void gradientMatchesFiniteDifferences(ClvPurchaseModel model) {
		Summary summary = summary();
		BgNbdFitter.Likelihood likelihood = new BgNbdFitter.Likelihood(
				BgNbdData.of(summary.x(), summary.tx(), summary.t()), model);
		double[] point = { Math.log(0.3), Math.log(5), Math.log(0.7), Math.log(2) };
		double[] gradient = new double[4];
		likelihood.evaluate(point, gradient);
		for (int i = 0; i < 4; i++) {
			double[] up = point.clone();
			double[] down = point.clone();
			up[i] += 1e-6;
			down[i] -= 1e-6;
			double numeric = (likelihood.evaluate(up, new double[4]) - likelihood.evaluate(down, new double[4])) / 2e-6;
			assertThat(gradient[i]).isCloseTo(numeric, within(1e-6));
		}
	}

}
