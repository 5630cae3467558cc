package com.tiercrm.demo;

import java.util.SplittableRandom;

/**
 * How many orders a customer places over the history: a capped, discretised log-normal,
 * so that most customers buy once to three times and a few buy hundreds, with a small
 * share of prospects who never bought. The spread is solved numerically so that the mean
 * matches the configured one.
 */
final class PurchaseCounts {

	/** Share of customers without any order (prospects, leads). */
	static final double PROSPECT_SHARE = 0.04;

	private final int cap;

	private final double mu;

	private final double sigma;

	PurchaseCounts(double mean, int cap) {
		double target = mean / (1 - PROSPECT_SHARE);
		this.cap = cap;
		this.mu = Math.log(Math.clamp(target / 4, 1.0, 2.0));
		double low = 0.01;
		double high = 4.0;
		if (target < expected(this.mu, low, cap) || target > expected(this.mu, high, cap)) {
			throw new IllegalArgumentException(
					"Cannot generate a mean of " + mean + " orders per customer with at most " + cap + " each");
		}
		for (int i = 0; i < 60; i++) {
			double middle = (low + high) / 2;
			if (expected(this.mu, middle, cap) < target) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		this.sigma = (low + high) / 2;
	}

	int sample(SplittableRandom random) {
		if (random.nextDouble() < PROSPECT_SHARE) {
			return 0;
		}
		return count(this.mu + this.sigma * random.nextGaussian(), this.cap);
	}

	double expectedMean() {
		return (1 - PROSPECT_SHARE) * expected(this.mu, this.sigma, this.cap);
	}

	private static int count(double logCount, int cap) {
		return Math.clamp(Math.round(Math.exp(logCount)), 1, cap);
	}

	/** E[count] of bought-at-least-once customers, by integrating over the normal. */
	private static double expected(double mu, double sigma, int cap) {
		double step = 0.001;
		double sum = 0;
		for (double z = -8; z <= 8; z += step) {
			sum += Math.exp(-z * z / 2) * count(mu + sigma * z, cap);
		}
		return sum * step / Math.sqrt(2 * Math.PI);
	}

}
