package com.tiercrm.tiering.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.special.Gamma;

/**
 * Maximum-likelihood fit of the Gamma-Gamma spend model on the customers with at least
 * one repeat purchase and a positive mean repeat spend, by BFGS on log-parameters with an
 * analytic gradient. Amounts are divided by their mean before the fit and γ multiplied
 * back afterwards, so that the fit behaves the same at any currency scale; it starts from
 * method-of-moments estimates and tries other starts when that does not converge. The
 * gamma functions depend on the repeat count only and are computed once per distinct
 * count; each customer costs one logarithm per evaluation.
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
		double[] means = new double[n];
		double sum = 0;
		int k = 0;
		for (int i = 0; i < x.length; i++) {
			if (x[i] > 0 && meanSpend[i] > 0 && Double.isFinite(meanSpend[i])) {
				counts[k] = x[i];
				means[k] = meanSpend[i];
				sum += meanSpend[i];
				k++;
			}
		}
		double scale = sum / n;
		double[] totals = new double[n];
		double[] logMeans = new double[n];
		for (int i = 0; i < n; i++) {
			double scaled = means[i] / scale;
			totals[i] = counts[i] * scaled;
			logMeans[i] = Math.log(scaled);
		}
		Likelihood likelihood = new Likelihood(counts, totals, logMeans);
		GammaGammaFit best = null;
		int iterations = 0;
		for (double[] start : starts(counts, means, scale)) {
			GammaGammaFit fit = fit(likelihood, start, scale);
			iterations += fit.iterations();
			if (best == null
					|| (fit.converged() && (!best.converged() || fit.logLikelihood() > best.logLikelihood()))) {
				best = fit;
			}
			if (best.converged()) {
				break;
			}
		}
		return new GammaGammaFit(best.parameters(), best.logLikelihood(), iterations, best.converged(), n);
	}

	/**
	 * One BFGS run on amounts divided by {@code scale}.
	 * @return the fit, with γ and the log-likelihood in the original amounts
	 */
	private static GammaGammaFit fit(Likelihood likelihood, double[] start, double scale) {
		double n = likelihood.n;
		Bfgs.Minimum minimum = Bfgs.minimize(likelihood, start, BgNbdFitter.GRADIENT_TOLERANCE,
				BgNbdFitter.MAX_ITERATIONS);
		double[] point = minimum.point();
		boolean inside = minimum.inside(BgNbdFitter.LOG_BOUND - 1);
		// the density of a mean spend m = scale × m' is the density of m' divided by
		// scale
		double logLikelihood = -minimum.value() * n - n * Math.log(scale);
		boolean converged = minimum.converged() && inside && Double.isFinite(logLikelihood);
		GammaGammaParameters parameters = converged
				? new GammaGammaParameters(Math.exp(point[0]), Math.exp(point[1]), scale * Math.exp(point[2])) : null;
		return new GammaGammaFit(parameters, logLikelihood, minimum.iterations(), converged, (int) n);
	}

	/**
	 * The gradient of the mean negative log-likelihood over (log p, log q, log γ), in the
	 * amounts as given.
	 * @param x repeat purchases per customer, at least 1
	 * @param meanSpend mean repeat-transaction value per customer, positive
	 * @param parameters where to evaluate
	 * @return the gradient
	 */
	static double[] gradient(int[] x, double[] meanSpend, GammaGammaParameters parameters) {
		double[] totals = new double[x.length];
		double[] logMeans = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			totals[i] = x[i] * meanSpend[i];
			logMeans[i] = Math.log(meanSpend[i]);
		}
		double[] gradient = new double[3];
		new Likelihood(x, totals, logMeans).evaluate(
				new double[] { Math.log(parameters.p()), Math.log(parameters.q()), Math.log(parameters.gamma()) },
				gradient);
		return gradient;
	}

	/**
	 * Starting points in log-parameters (log p, log q, log γ) for amounts divided by
	 * their mean. The first is by moments: across customers with x repeat purchases the
	 * mean spend has mean {@code m = pγ/(q−1)} and variance {@code A + B/x}, with
	 * {@code A = m²/(q−2)} and {@code B = m²(q−1)/(p(q−2))}; A and B come from a weighted
	 * least-squares line through the per-x variances. Then two fixed shapes with the same
	 * mean, then the origin.
	 */
	static double[][] starts(int[] counts, double[] means, double scale) {
		int max = Arrays.stream(counts).max().orElse(0);
		double[] weight = new double[max + 1];
		double[] sum = new double[max + 1];
		double[] squares = new double[max + 1];
		for (int i = 0; i < counts.length; i++) {
			double value = means[i] / scale;
			weight[counts[i]]++;
			sum[counts[i]] += value;
			squares[counts[i]] += value * value;
		}
		// weighted least squares of the per-x variance on 1/x
		double sw = 0;
		double su = 0;
		double sv = 0;
		double suu = 0;
		double suv = 0;
		for (int x = 1; x <= max; x++) {
			double w = weight[x] - 1;
			if (w < 1) {
				continue;
			}
			double mean = sum[x] / weight[x];
			double variance = (squares[x] - weight[x] * mean * mean) / w;
			double u = 1.0 / x;
			sw += w;
			su += w * u;
			sv += w * variance;
			suu += w * u * u;
			suv += w * u * variance;
		}
		double determinant = sw * suu - su * su;
		List<double[]> starts = new ArrayList<>();
		if (determinant > 0) {
			double slope = (sw * suv - su * sv) / determinant;
			double intercept = (sv - slope * su) / sw;
			if (intercept > 0 && slope > 0) {
				// the scaled mean is 1
				double q = Math.min(1e3, 2 + 1 / intercept);
				double p = Math.min(1e3, Math.max(1e-3, (q - 1) / (slope * (q - 2))));
				starts.add(new double[] { Math.log(p), Math.log(q), Math.log((q - 1) / p) });
			}
		}
		starts.add(new double[] { 0, Math.log(2), 0 });
		starts.add(new double[] { Math.log(4), Math.log(4), Math.log(3.0 / 4) });
		starts.add(new double[3]);
		return starts.toArray(double[][]::new);
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
