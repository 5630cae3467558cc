package com.tiercrm.tiering.model;

import org.hipparchus.special.Gamma;

/**
 * Gamma-Gamma spend parameters (Fader, Hardie and Lee 2005; Fader and Hardie note 025):
 * transaction values are Gamma(p, ν) per customer with ν Gamma(q, γ) across customers.
 *
 * @param p shape of the transaction values
 * @param q shape of the distribution of ν
 * @param gamma scale of the distribution of ν (lifetimes calls it {@code v})
 */
public record GammaGammaParameters(double p, double q, double gamma) {

	/**
	 * Validates the parameters.
	 * @throws IllegalArgumentException {@code clv.invalid-parameters} unless all are
	 * positive and finite
	 */
	public GammaGammaParameters {
		if (!(p > 0 && q > 0 && gamma > 0 && Double.isFinite(p + q + gamma))) {
			throw new IllegalArgumentException("clv.invalid-parameters");
		}
	}

	/**
	 * Log-density of the mean repeat-transaction value.
	 * @param x repeat purchases, at least 1
	 * @param meanSpend mean repeat-transaction value, positive
	 * @return the log-density
	 */
	public double logLikelihood(int x, double meanSpend) {
		double px = this.p * x;
		return Gamma.logGamma(px + this.q) - Gamma.logGamma(px) - Gamma.logGamma(this.q) + this.q * Math.log(this.gamma)
				+ (px - 1) * Math.log(meanSpend) + px * Math.log(x)
				- (px + this.q) * Math.log(x * meanSpend + this.gamma);
	}

	/**
	 * Expected spend per transaction given the customer's repeat transactions; the
	 * population mean {@code pγ / (q - 1)} when {@code x = 0}.
	 * @param x repeat purchases
	 * @param meanSpend mean repeat-transaction value (ignored when {@code x = 0})
	 * @return the expectation, infinite when {@code q <= 1} and {@code x = 0}
	 */
	public double conditionalExpectedSpend(int x, double meanSpend) {
		if (x == 0) {
			return (this.q > 1) ? this.p * this.gamma / (this.q - 1) : Double.POSITIVE_INFINITY;
		}
		return this.p * (this.gamma + x * meanSpend) / (this.p * x + this.q - 1);
	}

}
