package com.tiercrm.tiering.forecast;

import java.util.HashMap;
import java.util.Map;

import com.tiercrm.tiering.model.BgNbdParameters;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * The first two moments of a customer's purchases over a horizon under BG/NBD (or
 * MBG/NBD), given that the customer is alive at the end of observation: E[Y] and E[Y²].
 * <p>
 * Given alive at T, the purchase rate λ is Gamma(r + x, α + T) and the drop-out
 * probability p is Beta(a, b + x) (b + x + 1 under MBG/NBD), independently. Given λ and p
 * the count is min(N, G), N ~ Poisson(μ = λh), G ~ Geometric(p) on {1, 2, …}, so with P(Y
 * ≥ k) = P(N ≥ k)(1 − p)^(k−1) and u = μp:
 * <ul>
 * <li>E[Y | λ, p] = Σ P(Y ≥ k) = (1 − e^(−u)) / p = μ φ(u), φ(u) = (1 − e^(−u)) / u;</li>
 * <li>E[Y² | λ, p] = Σ (2k − 1) P(Y ≥ k) = 2μ² ψ(u) + μ (2e^(−u) − φ(u)), ψ(u) = (1 −
 * e^(−u) − u e^(−u)) / u² (from Σ_k≤n k q^(k−1) and E[qᴺ] = e^(−u), E[N qᴺ] = μ q
 * e^(−u)).</li>
 * </ul>
 * The Gamma mixture over λ has closed forms: with s = h / (α + T), r' = r + x and u = sp,
 * E[Y | p] = s Φ(u) and E[Y² | p] = 2s² Ψ(u) + 2r's (1 + u)^(−r'−1) − s Φ(u), where Φ(u)
 * = (1 − (1 + u)^(−r')) / u and Ψ(u) = (1 − (1 + u)^(−r'−1)(1 + (r' + 1)u)) / u², both
 * finite at u = 0 (r' and r'(r' + 1) / 2). The Beta mixture over p is a Gauss–Jacobi
 * quadrature for the weight p^(a−1)(1 − p)^(b+x−1) (Golub–Welsch, the nodes and weights
 * from the eigen decomposition of the Jacobi matrix). The quadrature's E[Y] is checked
 * against the exact hypergeometric expectation of {@link BgNbdParameters}: the rule is
 * doubled up to 192 nodes until they agree to 10⁻⁹, and the moments are NaN otherwise.
 * Not thread-safe (the rules are cached).
 */
final class PurchaseMoments {

	private static final int FIRST_NODES = 24;

	private static final int MAX_NODES = 192;

	private static final double AGREEMENT = 1e-9;

	private final BgNbdParameters purchases;

	private final Map<Long, double[][]> rules = new HashMap<>();

	PurchaseMoments(BgNbdParameters purchases) {
		this.purchases = purchases;
	}

	/**
	 * E[Y(h)] and E[Y(h)²] of a customer alive at T.
	 * @param horizon h, in the fit's time unit
	 * @param x repeat purchases
	 * @param t length of observation T
	 * @param exactMean the exact E[Y(h)] if alive, that the quadrature must reproduce
	 * @return {E[Y], E[Y²]}, NaN when the quadrature does not reproduce the mean
	 */
	double[] ifAlive(double horizon, int x, double t, double exactMean) {
		BgNbdParameters model = this.purchases;
		double s = horizon / (model.alpha() + t);
		double shape = model.r() + x;
		double dropOutB = model.b() + x + ((model.model() == ClvPurchaseModel.MBG_NBD) ? 1 : 0);
		for (int nodes = FIRST_NODES; nodes <= MAX_NODES; nodes *= 2) {
			double[][] rule = rule(dropOutB, nodes);
			double[] p = rule[0];
			double[] w = rule[1];
			double first = 0;
			double second = 0;
			for (int i = 0; i < p.length; i++) {
				double u = s * p[i];
				double phi = phi(shape, u);
				first += w[i] * s * phi;
				second += w[i] * (2 * s * s * psi(shape, u) + 2 * shape * s * Math.exp(-(shape + 1) * Math.log1p(u))
						- s * phi);
			}
			if (Math.abs(first - exactMean) <= AGREEMENT * Math.max(exactMean, 1e-300)) {
				return new double[] { exactMean, second };
			}
		}
		return new double[] { Double.NaN, Double.NaN };
	}

	/** Φ(u) = (1 − (1 + u)^(−r)) / u. */
	static double phi(double r, double u) {
		if (u == 0) {
			return r;
		}
		return -Math.expm1(-r * Math.log1p(u)) / u;
	}

	/** Ψ(u) = (1 − (1 + u)^(−c)(1 + cu)) / u² with c = r + 1, by its series near 0. */
	static double psi(double r, double u) {
		return ((r + 1) * u < 0.01) ? psiSeries(r, u) : psiDirect(r, u);
	}

	static double psiDirect(double r, double u) {
		double c = r + 1;
		return -Math.expm1(Math.log1p(c * u) - c * Math.log1p(u)) / (u * u);
	}

	static double psiSeries(double r, double u) {
		// (1 + u)^(−c)(1 + cu) = Σ f_k u^k, f_k = g_k + c g_(k−1), g_k the binomial
		// series of (1 + u)^(−c); f_0 = 1, f_1 = 0
		double c = r + 1;
		double g = 1;
		double previous;
		double sum = 0;
		double power = 1;
		for (int k = 1; k <= 14; k++) {
			previous = g;
			g *= -(c + k - 1) / k;
			if (k >= 2) {
				sum += (g + c * previous) * power;
				power *= u;
			}
		}
		return -sum;
	}

	/**
	 * The Gauss–Jacobi rule for Beta(a, b) on (0, 1).
	 * @return {nodes, weights}, the weights summing to 1
	 */
	private double[][] rule(double b, int nodes) {
		long key = Double.doubleToLongBits(b) * 31 + nodes;
		double[][] rule = this.rules.get(key);
		if (rule == null) {
			rule = jacobiRule(this.purchases.a(), b, nodes);
			this.rules.put(key, rule);
		}
		return rule;
	}

	/**
	 * Golub–Welsch for the Beta(a, b) weight: the monic Jacobi recurrence on [−1, 1] with
	 * exponents (b − 1) at 1 and (a − 1) at −1, mapped to (0, 1) by p = (1 + y) / 2.
	 */
	static double[][] jacobiRule(double a, double b, int nodes) {
		double alpha = b - 1;
		double beta = a - 1;
		double sum = alpha + beta;
		double[] main = new double[nodes];
		double[] secondary = new double[nodes - 1];
		for (int k = 0; k < nodes; k++) {
			double diagonal;
			if (k == 0) {
				diagonal = (beta - alpha) / (sum + 2);
			}
			else {
				diagonal = (beta * beta - alpha * alpha) / ((2 * k + sum) * (2 * k + sum + 2));
			}
			main[k] = (1 + diagonal) / 2;
			if (k >= 1) {
				double offSquared;
				if (k == 1) {
					offSquared = 4 * (1 + alpha) * (1 + beta) / ((2 + sum) * (2 + sum) * (3 + sum));
				}
				else {
					double m = 2 * k + sum;
					offSquared = 4 * k * (k + alpha) * (k + beta) * (k + sum) / (m * m * (m + 1) * (m - 1));
				}
				secondary[k - 1] = Math.sqrt(offSquared) / 2;
			}
		}
		EigenDecompositionSymmetric decomposition = new EigenDecompositionSymmetric(main, secondary);
		double[] p = new double[nodes];
		double[] w = new double[nodes];
		double total = 0;
		for (int i = 0; i < nodes; i++) {
			p[i] = decomposition.getEigenvalue(i);
			RealVector vector = decomposition.getEigenvector(i);
			double first = vector.getEntry(0);
			w[i] = first * first / vector.dotProduct(vector);
			total += w[i];
		}
		for (int i = 0; i < nodes; i++) {
			w[i] /= total;
		}
		return new double[][] { p, w };
	}

}
