package com.tiercrm.tiering.model;

/**
 * The Gauss hypergeometric series 2F1(a, b; c; z) for 0 <= z < 1, summed with a running
 * scale so that large intermediate terms do not overflow, and with a convergence check.
 */
final class Hypergeometric {

	private static final int MAX_TERMS = 2_000_000;

	private Hypergeometric() {
	}

	/**
	 * Computes {@code exp(logFactor) × 2F1(a, b; c; z)}.
	 * @param a first numerator parameter
	 * @param b second numerator parameter
	 * @param c denominator parameter, not zero or a negative integer
	 * @param z the argument, in [0, 1)
	 * @param logFactor log of a factor applied to the result
	 * @return the scaled value, or NaN when the series did not converge
	 */
	static double scaled2F1(double a, double b, double c, double z, double logFactor) {
		if (!(z >= 0 && z < 1)) {
			return Double.NaN;
		}
		double term = 1;
		double sum = 1;
		double logScale = 0;
		double tailFactor = 1 / (1 - z);
		for (int n = 0; n < MAX_TERMS; n++) {
			double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
			term *= ratio;
			sum += term;
			if (Math.abs(sum) > 1e200) {
				sum *= 1e-200;
				term *= 1e-200;
				logScale += 200 * Math.log(10);
			}
			if (Math.abs(ratio) < 1
					&& Math.abs(term) * Math.max(tailFactor, 1 / (1 - Math.abs(ratio))) <= 1e-16 * Math.abs(sum)) {
				return Math.signum(sum) * Math.exp(logFactor + logScale + Math.log(Math.abs(sum)));
			}
		}
		return Double.NaN;
	}

}
