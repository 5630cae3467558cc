package com.tiercrm.tiering.model;

/**
 * A small BFGS minimiser with a backtracking (Armijo) line search, for the smooth
 * log-likelihoods of the CLV models on log-parameters. A point where the objective is not
 * finite is treated as too far and the step is shortened.
 */
final class Bfgs {

	/**
	 * A function and its gradient.
	 */
	interface Objective {

		/**
		 * Evaluates the function.
		 * @param point where to evaluate
		 * @param gradient receives the gradient
		 * @return the value, or a non-finite number outside the domain
		 */
		double evaluate(double[] point, double[] gradient);

	}

	/**
	 * Outcome of a minimisation.
	 *
	 * @param point the best point
	 * @param value the value there
	 * @param iterations the number of BFGS iterations
	 * @param converged whether the gradient fell below the tolerance, or the value
	 * stopped changing where the gradient was already small
	 */
	record Minimum(double[] point, double value, int iterations, boolean converged) {

		/**
		 * Whether every coordinate of the point is strictly inside a bound.
		 * @param bound the bound on the absolute value of each coordinate
		 * @return {@code true} when the point is inside
		 */
		boolean inside(double bound) {
			for (double coordinate : this.point) {
				if (!(Math.abs(coordinate) < bound)) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * A relative change of the value below this, with a gradient below
	 * {@link #STALL_GRADIENT}, ends the search as converged: the value cannot improve in
	 * double precision although the gradient is above the tolerance asked for.
	 */
	static final double VALUE_TOLERANCE = 1e-13;

	static final double STALL_GRADIENT = 1e-5;

	private Bfgs() {
	}

	static Minimum minimize(Objective objective, double[] start, double gradientTolerance, int maxIterations) {
		int n = start.length;
		double[] x = start.clone();
		double[] g = new double[n];
		double f = objective.evaluate(x, g);
		if (!Double.isFinite(f)) {
			return new Minimum(x, f, 0, false);
		}
		double[][] h = identity(n);
		double[] direction = new double[n];
		double[] trial = new double[n];
		double[] trialGradient = new double[n];
		double[] s = new double[n];
		double[] y = new double[n];
		boolean firstStep = true;
		for (int iteration = 0; iteration < maxIterations; iteration++) {
			if (maxAbs(g) < gradientTolerance) {
				return new Minimum(x, f, iteration, true);
			}
			for (int i = 0; i < n; i++) {
				double sum = 0;
				for (int j = 0; j < n; j++) {
					sum -= h[i][j] * g[j];
				}
				direction[i] = sum;
			}
			double slope = dot(direction, g);
			if (!(slope < 0)) {
				h = identity(n);
				for (int i = 0; i < n; i++) {
					direction[i] = -g[i];
				}
				slope = dot(direction, g);
			}
			double step = 1;
			if (firstStep) {
				step = Math.min(1, 1 / Math.max(1e-12, Math.sqrt(dot(g, g))));
			}
			double trialValue = Double.NaN;
			boolean accepted = false;
			for (int attempt = 0; attempt < 60; attempt++) {
				for (int i = 0; i < n; i++) {
					trial[i] = x[i] + step * direction[i];
				}
				trialValue = objective.evaluate(trial, trialGradient);
				if (Double.isFinite(trialValue) && trialValue <= f + 1e-4 * step * slope) {
					accepted = true;
					break;
				}
				step *= (Double.isFinite(trialValue)) ? 0.5 : 0.1;
			}
			if (!accepted) {
				return new Minimum(x, f, iteration, maxAbs(g) < STALL_GRADIENT);
			}
			boolean stalled = Math.abs(f - trialValue) <= VALUE_TOLERANCE * Math.max(1, Math.abs(f));
			for (int i = 0; i < n; i++) {
				s[i] = trial[i] - x[i];
				y[i] = trialGradient[i] - g[i];
			}
			double sy = dot(s, y);
			if (sy > 1e-16) {
				if (firstStep) {
					double scale = sy / dot(y, y);
					for (int i = 0; i < n; i++) {
						h[i][i] = scale;
					}
					firstStep = false;
				}
				update(h, s, y, sy);
			}
			System.arraycopy(trial, 0, x, 0, n);
			System.arraycopy(trialGradient, 0, g, 0, n);
			f = trialValue;
			if (stalled && maxAbs(g) < STALL_GRADIENT) {
				return new Minimum(x, f, iteration + 1, true);
			}
		}
		return new Minimum(x, f, maxIterations, maxAbs(g) < gradientTolerance);
	}

	/** The inverse-Hessian BFGS update H' = (I - ρsyᵀ) H (I - ρysᵀ) + ρssᵀ. */
	private static void update(double[][] h, double[] s, double[] y, double sy) {
		int n = s.length;
		double rho = 1 / sy;
		double[] hy = new double[n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				hy[i] += h[i][j] * y[j];
			}
		}
		double yhy = dot(y, hy);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
			}
		}
	}

	private static double[][] identity(int n) {
		double[][] h = new double[n][n];
		for (int i = 0; i < n; i++) {
			h[i][i] = 1;
		}
		return h;
	}

	private static double dot(double[] left, double[] right) {
		double sum = 0;
		for (int i = 0; i < left.length; i++) {
			sum += left[i] * right[i];
		}
		return sum;
	}

	private static double maxAbs(double[] values) {
		double max = 0;
		for (double value : values) {
			max = Math.max(max, Math.abs(value));
		}
		return max;
	}

}
