package com.tiercrm.tiering.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * MBG/NBD against an independent implementation: lifetimes' {@code ModifiedBetaGeoFitter}
 * fitted once to the CDNOW summary ({@code cdnow/mbgnbd_lifetimes.py}, output in
 * {@code cdnow/mbgnbd_lifetimes_cdnow.csv}). The formulas must agree with lifetimes' to
 * rounding at lifetimes' parameters; the fits are both maxima of the same likelihood,
 * ours stopped at a gradient of 1e-7 per customer, so the parameters agree to about 1e-5
 * relative and the log-likelihood to well under 1e-4.
 */
class MbgNbdOracleTests {

	private static final List<String[]> ORACLE = CdnowFiles.rows("mbgnbd_lifetimes_cdnow.csv", ",", false)
		.stream()
		.filter((row) -> !row[0].startsWith("#") && !row[0].equals("kind"))
		.toList();

	@Test
	void fitMatchesLifetimes() {
		String[] expected = row("params");
		BgNbdFitterTests.Summary summary = BgNbdFitterTests.summary();
		BgNbdFit fit = BgNbdFitter.fit(summary.x(), summary.tx(), summary.t(), ClvPurchaseModel.MBG_NBD);
		assertThat(fit.converged()).isTrue();
		BgNbdParameters parameters = fit.parameters();
		assertThat(parameters).isNotNull();
		assertThat(parameters.model()).isEqualTo(ClvPurchaseModel.MBG_NBD);
		assertRelative(parameters.r(), expected[4], 1e-5);
		assertRelative(parameters.alpha(), expected[5], 1e-5);
		assertRelative(parameters.a(), expected[6], 1e-5);
		assertRelative(parameters.b(), expected[7], 1e-5);
		assertThat(fit.logLikelihood()).isCloseTo(Double.parseDouble(expected[8]), within(1e-6));
		// the published BG/NBD fit of the same data is slightly worse than MBG/NBD's
		assertThat(fit.logLikelihood()).isGreaterThan(-9582.43);
	}

	@Test
	void predictionsAtLifetimesParametersMatchLifetimes() {
		BgNbdParameters parameters = oracleParameters();
		int customers = 0;
		for (String[] row : ORACLE) {
			if (row[0].equals("customer")) {
				int x = Integer.parseInt(row[1]);
				double tx = Double.parseDouble(row[2]);
				double t = Double.parseDouble(row[3]);
				assertThat(parameters.probabilityAlive(x, tx, t)).isCloseTo(Double.parseDouble(row[4]), within(1e-9));
				assertThat(parameters.conditionalExpectedPurchases(39, x, tx, t)).isCloseTo(Double.parseDouble(row[5]),
						within(1e-9));
				customers++;
			}
			else if (row[0].equals("new")) {
				assertThat(parameters.expectedPurchasesNewCustomer(Double.parseDouble(row[3])))
					.isCloseTo(Double.parseDouble(row[4]), within(1e-9));
			}
		}
		assertThat(customers).isEqualTo(11);
	}

	@Test
	void logLikelihoodAtLifetimesParametersIsLifetimesMaximum() {
		BgNbdFitterTests.Summary summary = BgNbdFitterTests.summary();
		BgNbdData data = BgNbdData.of(summary.x(), summary.tx(), summary.t());
		BgNbdParameters parameters = oracleParameters();
		assertThat(BgNbdFitter.logLikelihood(data, parameters)).isCloseTo(Double.parseDouble(row("params")[8]),
				within(1e-6));
		double sum = 0;
		for (int i = 0; i < summary.x().length; i++) {
			sum += parameters.logLikelihood(summary.x()[i], summary.tx()[i], summary.t()[i]);
		}
		assertThat(sum).isCloseTo(Double.parseDouble(row("params")[8]), within(1e-6));
	}

	private static BgNbdParameters oracleParameters() {
		String[] params = row("params");
		return new BgNbdParameters(Double.parseDouble(params[4]), Double.parseDouble(params[5]),
				Double.parseDouble(params[6]), Double.parseDouble(params[7]), ClvPurchaseModel.MBG_NBD);
	}

	private static String[] row(String kind) {
		return ORACLE.stream().filter((row) -> row[0].equals(kind)).findFirst().orElseThrow();
	}

	private static void assertRelative(double actual, String expected, double tolerance) {
		double value = Double.parseDouble(expected);
		assertThat(actual).isCloseTo(value, within(tolerance * value));
	}

}
