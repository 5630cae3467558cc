package com.tiercrm.tiering.model;

import java.util.Arrays;

import org.hipparchus.special.Gamma;

/**
 * Maximum-likelihood fit of the Gamma-Gamma spend model on the customers with at least
 * one repeat purchase and a positive mean repeat spend, by BFGS on log-parameters with an
 * analytic gradient. The gamma functions depend on the repeat count only and are computed
 * once per distinct count; each customer costs one logarithm per evaluation.
 */
public final class GammaGammaFitter {

	private GammaGammaFitter() {
	}

	/**
	 * Fits mean repeat-transaction values; customers with {@code x = 0} or a mean spend
	 * that is not positive are left out.
	 * @param x repeat purchases per customer
	 * @param meanSpend mean repeat-transaction value per customer
	 * @return the fit
	 */
	public static GammaGammaFit fit(int[] x, double[] meanSpend) {
		int n = 0;
		for (int i = 0; i < x.length; i++) {
			if (x[i] > 0 && meanSpend[i] > 0 && Double.isFinite(meanSpend[i])) {
				n++;
			}
		}
		if (n == 0) {
			return new GammaGammaFit(null, Double.NaN, 0, false, 0);
		}
		int[] counts = new int[n];
		double[] totals = new double[n];
		double[] logMeans = new double[n];
		int k = 0;
		for (int i = 0; i < x.length; i++) {
			if (x[i] > 0 && meanSpend[i] > 0 && Double.isFinite(meanSpend[i])) {
				counts[k] = x[i];
				totals[k] = x[i] * meanSpend[i];
				logMeans[k] = Math.log(meanSpend[i]);
				k++;
			}
		}
		Likelihood likelihood = new Likelihood(counts, totals, logMeans);
		Bfgs.Minimum minimum = Bfgs.minimize(likelihood, new double[3], BgNbdFitter.GRADIENT_TOLERANCE,
				BgNbdFitter.MAX_ITERATIONS);
		double[] point = minimum.point();
		boolean inside = minimum.inside(BgNbdFitter.LOG_BOUND - 1);
		double logLikelihood = -minimum.value() * n;
		boolean converged = minimum.converged() && inside && Double.isFinite(logLikelihood);
		GammaGammaParameters parameters = converged
				? new GammaGammaParameters(Math.exp(point[0]), Math.exp(point[1]), Math.exp(point[2])) : null;
		return new GammaGammaFit(parameters, logLikelihood, minimum.iterations(), converged, n);
	}

	/**
	 * Mean negative log-likelihood over (log p, log q, log γ).
	 */
	static final class Likelihood implements Bfgs.Objective {

		private final int[] counts;

		private final double[] totals;

		private final int[] xValues;

		private final double[] xWeights;

		/** Per distinct count: the sum of log mean spend of its customers. */
		private final double[] xLogMeanSums;

		private final double n;

		Likelihood(int[] counts, double[] totals, double[] logMeans) {
			this.counts = counts;
			this.totals = totals;
			this.n = counts.length;
			this.xValues = Arrays.stream(counts).distinct().sorted().toArray();
			int max = this.xValues[this.xValues.length - 1];
			int[] position = new int[max + 1];
			for (int k = 0; k < this.xValues.length; k++) {
				position[this.xValues[k]] = k;
			}
			this.xWeights = new double[this.xValues.length];
			this.xLogMeanSums = new double[this.xValues.length];
			for (int i = 0; i < counts.length; i++) {
				this.xWeights[position[counts[i]]]++;
				this.xLogMeanSums[position[counts[i]]] += logMeans[i];
			}
		}

		@Override
		public double evaluate(double[] point, double[] gradient) {
			for (double value : point) {
				if (!(Math.abs(value) < BgNbdFitter.LOG_BOUND)) {
					return Double.NaN;
				}
			}
			double p = Math.exp(point[0]);
			double q = Math.exp(point[1]);
			double gamma = Math.exp(point[2]);
			double logGamma = Math.log(gamma);
			double logGammaQ = Gamma.logGamma(q);
			double digammaQ = Gamma.digamma(q);
			double logLikelihood = 0;
			double dp = 0;
			double dq = 0;
			double dGamma = 0;
			for (int k = 0; k < this.xValues.length; k++) {
				int x = this.xValues[k];
				double w = this.xWeights[k];
				double px = p * x;
				double logX = Math.log(x);
				double digammaPxq = Gamma.digamma(px + q);
				logLikelihood += w
						* (Gamma.logGamma(px + q) - Gamma.logGamma(px) - logGammaQ + q * logGamma + px * logX)
						+ (px - 1) * this.xLogMeanSums[k];
				dp += w * x * (digammaPxq - Gamma.digamma(px) + logX) + x * this.xLogMeanSums[k];
				dq += w * (digammaPxq - digammaQ + logGamma);
				dGamma += w * q / gamma;
			}
			for (int i = 0; i < this.counts.length; i++) {
				int x = this.counts[i];
				double shifted = this.totals[i] + gamma;
				double log = Math.log(shifted);
				double exponent = p * x + q;
				logLikelihood -= exponent * log;
				dp -= x * log;
				dq -= log;
				dGamma -= exponent / shifted;
			}
			double scale = -1 / this.n;
			gradient[0] = scale * dp * p;
			gradient[1] = scale * dq * q;
			gradient[2] = scale * dGamma * gamma;
			return scale * logLikelihood;
		}

	}

}
