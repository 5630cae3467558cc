package com.tiercrm.tiering.model;

import org.hipparchus.special.Gamma;

/**
 * Maximum-likelihood fit of the BG/NBD model with an analytic gradient, by BFGS on the
 * logarithms of the parameters (which keeps them positive). The likelihood is summed over
 * distinct (x, tx, T) rows with weights, and the logarithms that depend on one column
 * only are computed once per distinct value.
 */
public final class BgNbdFitter {

	/** Bound on |log θ|: a fit that runs there is reported as not converged. */
	static final double LOG_BOUND = 20;

	static final double GRADIENT_TOLERANCE = 1e-7;

	static final int MAX_ITERATIONS = 500;

	private BgNbdFitter() {
	}

	/**
	 * Fits customer histories given in model time units with BG/NBD.
	 * @param x repeat purchases per customer
	 * @param tx time of the last purchase, from the first
	 * @param t length of observation, from the first purchase
	 * @return the fit
	 */
	public static BgNbdFit fit(int[] x, double[] tx, double[] t) {
		return fit(BgNbdData.of(x, tx, t), ClvPurchaseModel.BG_NBD);
	}

	/**
	 * Fits customer histories given in model time units.
	 * @param x repeat purchases per customer
	 * @param tx time of the last purchase, from the first
	 * @param t length of observation, from the first purchase
	 * @param model BG/NBD or MBG/NBD
	 * @return the fit
	 */
	public static BgNbdFit fit(int[] x, double[] tx, double[] t, ClvPurchaseModel model) {
		return fit(BgNbdData.of(x, tx, t), model);
	}

	static BgNbdFit fit(BgNbdData data) {
		return fit(data, ClvPurchaseModel.BG_NBD);
	}

	/**
	 * Fits from a method-of-moments start and, when that does not converge, from the
	 * other starts of {@link #starts(BgNbdData)}; the best converged fit wins.
	 */
	static BgNbdFit fit(BgNbdData data, ClvPurchaseModel model) {
		if (data.totalWeight == 0) {
			return new BgNbdFit(null, Double.NaN, 0, false, 0, 0);
		}
		BgNbdFit best = null;
		int iterations = 0;
		for (double[] start : starts(data)) {
			BgNbdFit fit = fit(data, model, start);
			iterations += fit.iterations();
			if (best == null
					|| (fit.converged() && (!best.converged() || fit.logLikelihood() > best.logLikelihood()))) {
				best = fit;
			}
			if (best.converged()) {
				break;
			}
		}
		return new BgNbdFit(best.parameters(), best.logLikelihood(), iterations, best.converged(), best.customers(),
				best.distinctRows());
	}

	/**
	 * One BFGS run from a start.
	 * @param data the data
	 * @param model the purchase model
	 * @param start (log r, log α, log a, log b)
	 * @return the fit
	 */
	static BgNbdFit fit(BgNbdData data, ClvPurchaseModel model, double[] start) {
		int customers = (int) data.totalWeight;
		Likelihood likelihood = new Likelihood(data, model);
		Bfgs.Minimum minimum = Bfgs.minimize(likelihood, start, GRADIENT_TOLERANCE, MAX_ITERATIONS);
		double[] point = minimum.point();
		boolean inside = minimum.inside(LOG_BOUND - 1);
		double logLikelihood = -minimum.value() * data.totalWeight;
		boolean converged = minimum.converged() && inside && Double.isFinite(logLikelihood);
		BgNbdParameters parameters = converged ? new BgNbdParameters(Math.exp(point[0]), Math.exp(point[1]),
				Math.exp(point[2]), Math.exp(point[3]), model) : null;
		return new BgNbdFit(parameters, logLikelihood, minimum.iterations(), converged, customers, data.rows());
	}

	/**
	 * Starting points in log-parameters. The first matches the mean purchase rate
	 * {@code r / α} to repeat purchases per unit of observed time, with r, a and b at 1;
	 * the others keep that rate at other shapes, and the last is the plain origin.
	 */
	static double[][] starts(BgNbdData data) {
		double purchases = 0;
		double time = 0;
		for (int row = 0; row < data.rowWeight.length; row++) {
			purchases += data.rowWeight[row] * data.xValues[data.rowX[row]];
			time += data.rowWeight[row] * data.tValues[data.rowT[row]];
		}
		double logRate = (purchases > 0 && time > 0) ? Math.log(purchases / time) : 0;
		logRate = Math.max(-LOG_BOUND / 2, Math.min(LOG_BOUND / 2, logRate));
		double half = Math.log(0.5);
		return new double[][] { { 0, -logRate, 0, 0 }, { half, half - logRate, half, Math.log(4) },
				{ Math.log(2), Math.log(2) - logRate, Math.log(2), Math.log(8) }, new double[4] };
	}

	/**
	 * Total log-likelihood of the data at given parameters.
	 * @param data the data
	 * @param parameters the parameters
	 * @return the log-likelihood
	 */
	static double logLikelihood(BgNbdData data, BgNbdParameters parameters) {
		return -new Likelihood(data, parameters.model()).evaluate(logPoint(parameters), new double[4])
				* data.totalWeight;
	}

	/**
	 * The gradient of the mean negative log-likelihood over log-parameters.
	 * @param data the data
	 * @param parameters where to evaluate
	 * @return (∂/∂log r, ∂/∂log α, ∂/∂log a, ∂/∂log b)
	 */
	static double[] gradient(BgNbdData data, BgNbdParameters parameters) {
		double[] gradient = new double[4];
		new Likelihood(data, parameters.model()).evaluate(logPoint(parameters), gradient);
		return gradient;
	}

	private static double[] logPoint(BgNbdParameters parameters) {
		return new double[] { Math.log(parameters.r()), Math.log(parameters.alpha()), Math.log(parameters.a()),
				Math.log(parameters.b()) };
	}

	/**
	 * Mean negative log-likelihood over log-parameters (log r, log α, log a, log b).
	 * Under MBG/NBD every count in the drop-out terms is shifted by one and customers
	 * without a repeat purchase can have dropped out too.
	 */
	static final class Likelihood implements Bfgs.Objective {

		private final BgNbdData data;

		private final int shift;

		private final double[] logAlphaT;

		private final double[] inverseAlphaT;

		private final double[] logAlphaTx;

		private final double[] inverseAlphaTx;

		private final double[] logBx;

		private final double[] inverseBx;

		Likelihood(BgNbdData data, ClvPurchaseModel model) {
			this.data = data;
			this.shift = model.dropOutShift();
			this.logAlphaT = new double[data.tValues.length];
			this.inverseAlphaT = new double[data.tValues.length];
			this.logAlphaTx = new double[data.txValues.length];
			this.inverseAlphaTx = new double[data.txValues.length];
			this.logBx = new double[data.xValues.length];
			this.inverseBx = new double[data.xValues.length];
		}

		@Override
		public double evaluate(double[] point, double[] gradient) {
			for (double value : point) {
				if (!(Math.abs(value) < LOG_BOUND)) {
					return Double.NaN;
				}
			}
			double r = Math.exp(point[0]);
			double alpha = Math.exp(point[1]);
			double a = Math.exp(point[2]);
			double b = Math.exp(point[3]);
			BgNbdData d = this.data;
			for (int i = 0; i < d.tValues.length; i++) {
				this.logAlphaT[i] = Math.log(alpha + d.tValues[i]);
				this.inverseAlphaT[i] = 1 / (alpha + d.tValues[i]);
			}
			for (int i = 0; i < d.txValues.length; i++) {
				this.logAlphaTx[i] = Math.log(alpha + d.txValues[i]);
				this.inverseAlphaTx[i] = 1 / (alpha + d.txValues[i]);
			}
			double logA = Math.log(a);
			double logLikelihood = 0;
			double dr = 0;
			double dAlpha = 0;
			double da = 0;
			double db = 0;
			double logAlpha = Math.log(alpha);
			double digammaR = Gamma.digamma(r);
			double digammaB = Gamma.digamma(b);
			double digammaAb = Gamma.digamma(a + b);
			double logGammaR = Gamma.logGamma(r);
			double logGammaB = Gamma.logGamma(b);
			double logGammaAb = Gamma.logGamma(a + b);
			int shift = this.shift;
			for (int k = 0; k < d.xValues.length; k++) {
				int x = d.xValues[k];
				int drops = x + shift;
				double w = d.xWeights[k];
				double digammaAbx = Gamma.digamma(a + b + drops);
				logLikelihood += w * (Gamma.logGamma(r + x) - logGammaR + r * logAlpha + Gamma.logGamma(b + drops)
						+ logGammaAb - logGammaB - Gamma.logGamma(a + b + drops));
				dr += w * (Gamma.digamma(r + x) - digammaR + logAlpha);
				dAlpha += w * r / alpha;
				da += w * (digammaAb - digammaAbx);
				db += w * (digammaAb + Gamma.digamma(b + drops) - digammaB - digammaAbx);
				this.logBx[k] = (drops > 0) ? Math.log(b + drops - 1) : 0;
				this.inverseBx[k] = (drops > 0) ? 1 / (b + drops - 1) : 0;
			}
			for (int row = 0; row < d.rowWeight.length; row++) {
				int k = d.rowX[row];
				int x = d.xValues[k];
				double w = d.rowWeight[row];
				double rx = r + x;
				int ti = d.rowT[row];
				double a3 = -rx * this.logAlphaT[ti];
				if (x + shift == 0) {
					logLikelihood += w * a3;
					dr -= w * this.logAlphaT[ti];
					dAlpha -= w * rx * this.inverseAlphaT[ti];
					continue;
				}
				int txi = d.rowTx[row];
				double a4 = logA - this.logBx[k] - rx * this.logAlphaTx[txi];
				// log(1 + e) rather than log1p: e <= 1, the absolute error stays ~1e-16
				// and
				// Math.log is an intrinsic where log1p is not
				double difference = a4 - a3;
				double share4;
				if (difference > 0) {
					double e = Math.exp(-difference);
					logLikelihood += w * (a4 + Math.log(1 + e));
					share4 = 1 / (1 + e);
				}
				else {
					double e = Math.exp(difference);
					logLikelihood += w * (a3 + Math.log(1 + e));
					share4 = e / (1 + e);
				}
				double share3 = 1 - share4;
				dr -= w * (share3 * this.logAlphaT[ti] + share4 * this.logAlphaTx[txi]);
				dAlpha -= w * rx * (share3 * this.inverseAlphaT[ti] + share4 * this.inverseAlphaTx[txi]);
				da += w * share4 / a;
				db -= w * share4 * this.inverseBx[k];
			}
			double scale = -1 / d.totalWeight;
			gradient[0] = scale * dr * r;
			gradient[1] = scale * dAlpha * alpha;
			gradient[2] = scale * da * a;
			gradient[3] = scale * db * b;
			return scale * logLikelihood;
		}

	}

}
