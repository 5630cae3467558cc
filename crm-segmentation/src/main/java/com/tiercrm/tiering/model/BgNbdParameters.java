package com.tiercrm.tiering.model;

import java.util.Objects;

import org.hipparchus.special.Gamma;

/**
 * BG/NBD parameters (Fader, Hardie and Lee 2005): purchase rates are Gamma(r, α) across
 * customers, drop-out probabilities after each purchase Beta(a, b). Under the modified
 * model (MBG/NBD, Batislam, Denizel and Filiztekin 2007) a customer can also drop out
 * right after the first purchase. Times are in the unit the parameters were fitted in.
 * {@code x} is the number of repeat purchase periods, {@code tx} the time of the last
 * purchase and {@code T} the length of observation, both measured from the first
 * purchase.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution (in time units)
 * @param a first shape of the drop-out distribution
 * @param b second shape of the drop-out distribution
 * @param model BG/NBD or MBG/NBD
 */
public record BgNbdParameters(double r, double alpha, double a, double b, ClvPurchaseModel model) {

	/**
	 * Validates the parameters.
	 * @throws IllegalArgumentException {@code clv.invalid-parameters} unless all are
	 * positive and finite
	 */
	public BgNbdParameters {
		if (!(r > 0 && alpha > 0 && a > 0 && b > 0 && Double.isFinite(r + alpha + a + b))) {
			throw new IllegalArgumentException("clv.invalid-parameters");
		}
		Objects.requireNonNull(model, "model");
	}

	/**
	 * BG/NBD parameters.
	 * @param r shape of the purchase-rate distribution
	 * @param alpha scale of the purchase-rate distribution
	 * @param a first shape of the drop-out distribution
	 * @param b second shape of the drop-out distribution
	 */
	public BgNbdParameters(double r, double alpha, double a, double b) {
		this(r, alpha, a, b, ClvPurchaseModel.BG_NBD);
	}

	/**
	 * Log-likelihood of one customer's history.
	 * @param x repeat purchases
	 * @param tx time of the last purchase
	 * @param t length of observation
	 * @return the log-likelihood
	 */
	public double logLikelihood(int x, double tx, double t) {
		double a1 = Gamma.logGamma(this.r + x) - Gamma.logGamma(this.r) + this.r * Math.log(this.alpha);
		int d = this.model.dropOutShift();
		double a2 = Gamma.logGamma(this.b + x + d) + Gamma.logGamma(this.a + this.b) - Gamma.logGamma(this.b)
				- Gamma.logGamma(this.a + this.b + x + d);
		double a3 = -(this.r + x) * Math.log(this.alpha + t);
		if (x + d == 0) {
			return a1 + a2 + a3;
		}
		double a4 = Math.log(this.a) - Math.log(this.b + x - 1 + d) - (this.r + x) * Math.log(this.alpha + tx);
		return a1 + a2 + Math.max(a3, a4) + Math.log1p(Math.exp(-Math.abs(a3 - a4)));
	}

	/**
	 * Probability that the customer is still alive at the end of observation.
	 * @param x repeat purchases
	 * @param tx time of the last purchase
	 * @param t length of observation
	 * @return P(alive); under BG/NBD 1 when {@code x = 0}
	 */
	public double probabilityAlive(int x, double tx, double t) {
		int d = this.model.dropOutShift();
		if (x + d == 0) {
			return 1;
		}
		double logRatio = Math.log(this.a / (this.b + x - 1 + d))
				+ (this.r + x) * (Math.log(this.alpha + t) - Math.log(this.alpha + tx));
		return 1 / (1 + Math.exp(logRatio));
	}

	/**
	 * Expected purchases in the next {@code horizon} time units of a customer who is
	 * alive. Multiplied by {@link #probabilityAlive(int, double, double)} it gives the
	 * conditional expectation E[Y(horizon) | x, tx, T]; it does not depend on {@code tx}.
	 * @param horizon the future time span
	 * @param x repeat purchases
	 * @param t length of observation
	 * @return the expectation, NaN when the hypergeometric series does not converge
	 */
	public double expectedPurchasesIfAlive(double horizon, int x, double t) {
		if (horizon == 0) {
			return 0;
		}
		double z = horizon / (this.alpha + t + horizon);
		double logFactor = (this.r + x) * Math.log((this.alpha + t) / (this.alpha + t + horizon));
		// MBG/NBD's expectation is BG/NBD's with b + 1 in place of b
		double shiftedB = this.b + this.model.dropOutShift();
		double hyp = Hypergeometric.scaled2F1(this.r + x, shiftedB + x, this.a + shiftedB + x - 1, z, logFactor);
		return (this.a + shiftedB + x - 1) / (this.a - 1) * (1 - hyp);
	}

	/**
	 * Conditional expected purchases E[Y(horizon) | x, tx, T].
	 * @param horizon the future time span
	 * @param x repeat purchases
	 * @param tx time of the last purchase
	 * @param t length of observation
	 * @return the expectation
	 */
	public double conditionalExpectedPurchases(double horizon, int x, double tx, double t) {
		return probabilityAlive(x, tx, t) * expectedPurchasesIfAlive(horizon, x, t);
	}

	/**
	 * Expected repeat purchases of a new customer in the first {@code t} time units,
	 * E[X(t)].
	 * @param t the time span
	 * @return the expectation
	 */
	public double expectedPurchasesNewCustomer(double t) {
		return conditionalExpectedPurchases(t, 0, 0, 0);
	}

}
