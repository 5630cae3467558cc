package com.tiercrm.tiering.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Gamma-Gamma against Fader and Hardie (note 025) and lifetimes on the CDNOW sample.
 */
class GammaGammaFitterTests {

	private static final GammaGammaParameters PUBLISHED = new GammaGammaParameters(6.25, 3.74, 15.44);

	static Summary summary() {
		List<String[]> rows = CdnowFiles.rows("cdnow_customers_summary_with_transactions.csv", ",", true);
		int n = rows.size();
		Summary summary = new Summary(new int[n], new double[n], new double[n], new double[n]);
		for (int i = 0; i < n; i++) {
			summary.x()[i] = Integer.parseInt(rows.get(i)[1]);
			summary.tx()[i] = Double.parseDouble(rows.get(i)[2]);
			summary.t()[i] = Double.parseDouble(rows.get(i)[3]);
			summary.meanSpend()[i] = Double.parseDouble(rows.get(i)[4]);
		}
		return summary;
	}

	record Summary(int[] x, double[] tx, double[] t, double[] meanSpend) {

	}

	@Test
	void fitOnTheRepeatBuyersReproducesThePublishedParameters() {
		Summary summary = summary();
		GammaGammaFit fit = GammaGammaFitter.fit(summary.x(), summary.meanSpend());
		assertThat(fit.converged()).isTrue();
		assertThat(fit.repeatBuyers()).isEqualTo(946);
		GammaGammaParameters parameters = fit.parameters();
		assertThat(parameters).isNotNull();
		assertThat(parameters.p()).isCloseTo(6.25, within(0.005));
		assertThat(parameters.q()).isCloseTo(3.74, within(0.005));
		assertThat(parameters.gamma()).isCloseTo(15.44, within(0.01));
		assertThat(fit.logLikelihood()).isCloseTo(-4055.923, within(0.001));
	}

	@Test
	void logLikelihoodOfOneCustomerMatchesTheFitObjective() {
		Summary summary = summary();
		GammaGammaFit fit = GammaGammaFitter.fit(summary.x(), summary.meanSpend());
		GammaGammaParameters parameters = fit.parameters();
		assertThat(parameters).isNotNull();
		double sum = 0;
		for (int i = 0; i < summary.x().length; i++) {
			if (summary.x()[i] > 0) {
				sum += parameters.logLikelihood(summary.x()[i], summary.meanSpend()[i]);
			}
		}
		assertThat(sum).isCloseTo(fit.logLikelihood(), within(1e-6));
	}

	@Test
	void expectedSpendMatchesLifetimesForTheFirstTenCustomers() {
		Summary summary = summary();
		double[] published = { 24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17 };
		double[] recomputed = { 24.6637, 18.9169, 35.219, 35.219, 35.219, 71.4697, 18.9169, 35.219, 27.2884, 35.219 };
		for (int i = 0; i < 10; i++) {
			double expected = PUBLISHED.conditionalExpectedSpend(summary.x()[i], summary.meanSpend()[i]);
			assertThat(expected).isCloseTo(published[i], within(0.1));
			assertThat(expected).isCloseTo(recomputed[i], within(0.0001));
		}
	}

	@Test
	void meanExpectedSpendAtTheFittedParametersMatchesTheQuickstart() {
		Summary summary = summary();
		GammaGammaParameters fitted = GammaGammaFitter.fit(summary.x(), summary.meanSpend()).parameters();
		assertThat(fitted).isNotNull();
		double sum = 0;
		for (int i = 0; i < summary.x().length; i++) {
			sum += fitted.conditionalExpectedSpend(summary.x()[i], summary.meanSpend()[i]);
		}
		assertThat(sum / summary.x().length).isCloseTo(35.2530, within(0.0005));
	}

	@Test
	void gradientMatchesFiniteDifferences() {
		Summary summary = summary();
		int n = 0;
		for (int x : summary.x()) {
			n += (x > 0) ? 1 : 0;
		}
		int[] counts = new int[n];
		double[] totals = new double[n];
		double[] logMeans = new double[n];
		int k = 0;
		for (int i = 0; i < summary.x().length; i++) {
			if (summary.x()[i] > 0) {
				counts[k] = summary.x()[i];
				totals[k] = summary.x()[i] * summary.meanSpend()[i];
				logMeans[k] = Math.log(summary.meanSpend()[i]);
				k++;
			}
		}
		GammaGammaFitter.Likelihood likelihood = new GammaGammaFitter.Likelihood(counts, totals, logMeans);
		double[] point = { Math.log(5), Math.log(3), Math.log(12) };
		double[] gradient = new double[3];
		likelihood.evaluate(point, gradient);
		for (int i = 0; i < 3; i++) {
			double[] up = point.clone();
			double[] down = point.clone();
			up[i] += 1e-6;
			down[i] -= 1e-6;
			double numeric = (likelihood.evaluate(up, new double[3]) - likelihood.evaluate(down, new double[3])) / 2e-6;
			assertThat(gradient[i]).isCloseTo(numeric, within(1e-6));
		}
	}

}
