package com.tiercrm.tiering.model;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fits converge on a seeded synthetic base of 20,000 customers drawn from known
 * parameters whatever the size of the amounts, and reach the maximum: the gradient
 * vanishes, the log-likelihood is at least that at the generating parameters, and the
 * estimates match those of a fit started at the generating parameters.
 */
class ClvFitScaleTests {

	private static final double[] SCALES = { 0.01, 1, 100, 10_000 };

	private static final SyntheticCustomers BASE = SyntheticCustomers.draw(20_000, 730, 1095, 20261207L);

	@Test
	void baseIsTheSizeOfTheIssue() {
		assertThat(BASE.customers()).hasSize(20_000);
		assertThat(BASE.purchaseDays()).isBetween(90_000, 120_000);
	}

	@ParameterizedTest
	@EnumSource(ClvPurchaseModel.class)
	void purchaseModelReachesTheMaximum(ClvPurchaseModel model) {
		BgNbdData data = BASE.purchaseData();
		BgNbdFit fit = BgNbdFitter.fit(data, model);
		assertThat(fit.converged()).isTrue();
		BgNbdParameters fitted = fit.parameters();
		assertThat(fitted).isNotNull();
		assertThat(maxAbs(BgNbdFitter.gradient(data, fitted))).isLessThan(1e-6);
		BgNbdParameters generating = new BgNbdParameters(SyntheticCustomers.PURCHASES.r(),
				SyntheticCustomers.PURCHASES.alpha(), SyntheticCustomers.PURCHASES.a(),
				SyntheticCustomers.PURCHASES.b(), model);
		assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(BgNbdFitter.logLikelihood(data, generating));
		BgNbdFit reference = BgNbdFitter.fit(data, model, new double[] { Math.log(generating.r()),
				Math.log(generating.alpha()), Math.log(generating.a()), Math.log(generating.b()) });
		BgNbdParameters maximum = reference.parameters();
		assertThat(maximum).isNotNull();
		assertThat(fitted.r()).isCloseTo(maximum.r(), within(0.01 * maximum.r()));
		assertThat(fitted.alpha()).isCloseTo(maximum.alpha(), within(0.01 * maximum.alpha()));
		assertThat(fitted.a()).isCloseTo(maximum.a(), within(0.01 * maximum.a()));
		assertThat(fitted.b()).isCloseTo(maximum.b(), within(0.01 * maximum.b()));
		if (model == ClvPurchaseModel.BG_NBD) {
			// the base was drawn from BG/NBD: the estimates are near the truth too
			assertThat(fitted.r()).isCloseTo(0.6, within(0.1 * 0.6));
			assertThat(fitted.alpha()).isCloseTo(40, within(0.1 * 40));
		}
	}

	@Test
	void spendModelConvergesAtEveryAmountScaleToTheSameMaximum() {
		int[] allX = BASE.repeatPurchases();
		int[] repeat = IntStream.range(0, allX.length).filter((i) -> allX[i] > 0).toArray();
		int[] x = Arrays.stream(repeat).map((i) -> allX[i]).toArray();
		double[] unit = select(BASE.meanRepeatSpend(1), repeat);
		GammaGammaParameters maximum = maximum(x, unit);
		for (double scale : SCALES) {
			double[] meanSpend = select(BASE.meanRepeatSpend(scale), repeat);
			GammaGammaFit fit = GammaGammaFitter.fit(x, meanSpend);
			assertThat(fit.converged()).as("converged at ×%s", scale).isTrue();
			GammaGammaParameters fitted = fit.parameters();
			assertThat(fitted).isNotNull();
			assertThat(maxAbs(GammaGammaFitter.gradient(x, meanSpend, fitted))).as("gradient at ×%s", scale)
				.isLessThan(1e-6);
			GammaGammaParameters generating = new GammaGammaParameters(SyntheticCustomers.SPEND.p(),
					SyntheticCustomers.SPEND.q(), SyntheticCustomers.SPEND.gamma() * scale);
			assertThat(fit.logLikelihood()).as("log-likelihood at ×%s", scale)
				.isGreaterThanOrEqualTo(logLikelihood(generating, x, meanSpend));
			assertThat(fitted.p()).as("p at ×%s", scale).isCloseTo(maximum.p(), within(0.001 * maximum.p()));
			assertThat(fitted.q()).as("q at ×%s", scale).isCloseTo(maximum.q(), within(0.001 * maximum.q()));
			assertThat(fitted.gamma() / scale).as("γ/scale at ×%s", scale)
				.isCloseTo(maximum.gamma(), within(0.001 * maximum.gamma()));
		}
	}

	/**
	 * The maximum reached from the generating parameters, by BFGS to a tight tolerance.
	 */
	private static GammaGammaParameters maximum(int[] x, double[] meanSpend) {
		double[] totals = new double[x.length];
		double[] logMeans = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			totals[i] = x[i] * meanSpend[i];
			logMeans[i] = Math.log(meanSpend[i]);
		}
		GammaGammaParameters truth = SyntheticCustomers.SPEND;
		Bfgs.Minimum minimum = Bfgs.minimize(new GammaGammaFitter.Likelihood(x, totals, logMeans),
				new double[] { Math.log(truth.p()), Math.log(truth.q()), Math.log(truth.gamma()) }, 1e-9, 2000);
		assertThat(minimum.converged()).isTrue();
		double[] point = minimum.point();
		return new GammaGammaParameters(Math.exp(point[0]), Math.exp(point[1]), Math.exp(point[2]));
	}

	private static double logLikelihood(GammaGammaParameters parameters, int[] x, double[] meanSpend) {
		double sum = 0;
		for (int i = 0; i < x.length; i++) {
			sum += parameters.logLikelihood(x[i], meanSpend[i]);
		}
		return sum;
	}

	private static double[] select(double[] values, int[] indices) {
		return Arrays.stream(indices).mapToDouble((i) -> values[i]).toArray();
	}

	private static double maxAbs(double[] values) {
		return Arrays.stream(values).map(Math::abs).max().orElse(0);
	}

}
