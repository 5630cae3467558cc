package com.tiercrm.tiering.forecast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.model.BgNbdParameters;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.GammaGammaParameters;

import org.jspecify.annotations.Nullable;

/**
 * What the fitted model expects of each customer over a horizon: the conditional expected
 * purchases E[Y(h) | x, tₓ, T] and the expected spend per purchase. The spend follows the
 * CLV model's rule: Gamma-Gamma's conditional expectation when it is used, otherwise the
 * customer's own mean repeat spend, or the repeat buyers' mean for a one-time buyer.
 * Customers who never bought have no history to condition on and expect nothing.
 */
final class CustomerOutlook {

	final BgNbdParameters purchases;

	final @Nullable GammaGammaParameters spend;

	/** Time units per day of the fit. */
	final double unitsPerDay;

	final double horizon;

	private final double populationMeanSpend;

	private final Map<Long, Double> ifAliveByHistory = new HashMap<>();

	private final PurchaseMoments moments;

	private final Map<Long, Double> secondMomentIfAliveByHistory = new HashMap<>();

	/**
	 * Prepares the outlook of customers under a fit.
	 * @param customers the facts the expectations condition on
	 * @param fit a fit of the purchase model (not the simple fallback)
	 * @param horizonDays the horizon in days
	 * @throws IllegalStateException {@code clv.fallback} when the fit fell back to the
	 * simple formula, which has no conditional expectation
	 */
	CustomerOutlook(List<CustomerFacts> customers, ClvFit fit, int horizonDays) {
		if (horizonDays < 1) {
			throw new IllegalArgumentException("forecast.invalid-horizon");
		}
		this.purchases = fit.bgNbd();
		this.spend = fit.spendFitted() ? fit.gammaGamma() : null;
		this.unitsPerDay = 1 / fit.timeUnit().days();
		this.horizon = horizonDays * this.unitsPerDay;
		this.moments = new PurchaseMoments(this.purchases);
		double spendSum = 0;
		int repeatBuyers = 0;
		for (CustomerFacts facts : customers) {
			int x = facts.repeatPurchaseDays();
			if (x > 0 && facts.repeatDaysSpend() > 0) {
				spendSum += facts.repeatDaysSpend() / x;
				repeatBuyers++;
			}
		}
		this.populationMeanSpend = (repeatBuyers > 0) ? spendSum / repeatBuyers : 0;
	}

	/**
	 * Conditional expected purchases over the horizon.
	 * @param facts the customer's facts
	 * @return the expectation, 0 for a customer who never bought, NaN when the
	 * hypergeometric series does not converge
	 */
	double expectedPurchases(CustomerFacts facts) {
		if (!facts.hasPurchased()) {
			return 0;
		}
		int x = facts.repeatPurchaseDays();
		double t = facts.daysFirstPurchaseToAsOf() * this.unitsPerDay;
		// the expectation if alive depends on x and T only: many customers share it
		long key = ((long) x << 32) | facts.daysFirstPurchaseToAsOf();
		double ifAlive = this.ifAliveByHistory.computeIfAbsent(key,
				(k) -> this.purchases.expectedPurchasesIfAlive(this.horizon, x, t));
		return probabilityAlive(facts) * ifAlive;
	}

	/**
	 * Conditional variances of the purchases and of the revenue over the horizon, the
	 * customer's future being a mixture of "dropped out" (nothing) and "alive" with the
	 * moments of {@link PurchaseMoments}. Revenue is the sum of the purchases' spends,
	 * which share the customer's ν: with Gamma-Gamma, given ν ~ Gamma(q', γ') (q' = q +
	 * p·x for a repeat buyer, q otherwise, the posterior behind the expected spend),
	 * Var[R] = E[1/ν²](p E[Y] + p² E[Y²]) − (E[Y] E[spend])² with E[1/ν²] = (E[spend] /
	 * p)² (q' − 1) / (q' − 2), infinite when q' ≤ 2; without Gamma-Gamma every purchase
	 * is worth the expected spend, Var[R] = spend² Var[Y].
	 * @param facts the customer's facts
	 * @param expectedPurchases {@link #expectedPurchases(CustomerFacts)}
	 * @param expectedSpend {@link #expectedSpend(CustomerFacts)}
	 * @return {Var[Y], Var[R]}: zeros for a customer who never bought, NaN when the
	 * quadrature fails, an infinite Var[R] when the spend's variance is infinite
	 */
	double[] variances(CustomerFacts facts, double expectedPurchases, double expectedSpend) {
		if (!facts.hasPurchased() || expectedPurchases == 0) {
			return new double[] { 0, 0 };
		}
		int x = facts.repeatPurchaseDays();
		double t = facts.daysFirstPurchaseToAsOf() * this.unitsPerDay;
		long key = ((long) x << 32) | facts.daysFirstPurchaseToAsOf();
		double ifAlive = this.ifAliveByHistory.computeIfAbsent(key,
				(k) -> this.purchases.expectedPurchasesIfAlive(this.horizon, x, t));
		double secondIfAlive = this.secondMomentIfAliveByHistory.computeIfAbsent(key,
				(k) -> this.moments.ifAlive(this.horizon, x, t, ifAlive)[1]);
		double alive = probabilityAlive(facts);
		double second = alive * secondIfAlive;
		double purchasesVariance = Math.max(0, second - expectedPurchases * expectedPurchases);
		double revenueVariance;
		if (this.spend != null) {
			double shape = this.spend.q() + ((x > 0) ? this.spend.p() * x : 0);
			double inverseSquare = (shape > 2) ? (shape - 1) / (shape - 2) : Double.POSITIVE_INFINITY;
			revenueVariance = expectedSpend * expectedSpend
					* Math.max(0, inverseSquare * (expectedPurchases / this.spend.p() + second)
							- expectedPurchases * expectedPurchases);
		}
		else {
			revenueVariance = expectedSpend * expectedSpend * purchasesVariance;
		}
		return new double[] { purchasesVariance, revenueVariance };
	}

	double probabilityAlive(CustomerFacts facts) {
		return this.purchases.probabilityAlive(facts.repeatPurchaseDays(),
				facts.daysFirstToLastPurchase() * this.unitsPerDay, facts.daysFirstPurchaseToAsOf() * this.unitsPerDay);
	}

	/**
	 * Expected spend per purchase.
	 * @param facts the customer's facts
	 * @return the expectation
	 */
	double expectedSpend(CustomerFacts facts) {
		int x = facts.repeatPurchaseDays();
		double meanSpend = meanRepeatSpend(facts);
		if (this.spend != null) {
			return this.spend.conditionalExpectedSpend(x, meanSpend);
		}
		return (x > 0 && meanSpend > 0) ? meanSpend : this.populationMeanSpend;
	}

	static double meanRepeatSpend(CustomerFacts facts) {
		int x = facts.repeatPurchaseDays();
		return (x > 0) ? facts.repeatDaysSpend() / x : 0;
	}

}
