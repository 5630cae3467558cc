package com.tiercrm.tiering.model;

import org.jspecify.annotations.Nullable;

/**
 * The fitted CLV model and its diagnostics. When the simple formula is used the
 * parameters that were not estimated are NaN and {@link #fallbackReason()} says why. When
 * only Gamma-Gamma could not be fitted, the purchase model is kept, p, q and γ are NaN
 * and {@link #spendFallbackReason()} says why the spend part is simplified.
 *
 * @param r BG/NBD r
 * @param alpha BG/NBD α, in {@link #timeUnit()}
 * @param a BG/NBD a
 * @param b BG/NBD b
 * @param p Gamma-Gamma p
 * @param q Gamma-Gamma q
 * @param gamma Gamma-Gamma γ
 * @param bgNbdLogLikelihood BG/NBD log-likelihood (NaN when not fitted)
 * @param gammaGammaLogLikelihood Gamma-Gamma log-likelihood of the mean repeat spends
 * (NaN when not fitted)
 * @param timeUnit the time unit of the fit
 * @param bgNbdIterations BFGS iterations of the BG/NBD fit
 * @param gammaGammaIterations BFGS iterations of the Gamma-Gamma fit
 * @param converged whether both fits converged and were used
 * @param customers customers who bought
 * @param repeatBuyers customers with a repeat purchase day and positive repeat spend
 * @param distinctRows distinct (x, t_x, T) rows of the BG/NBD likelihood
 * @param fallbackUsed whether predictions use the simple formula
 * @param fallbackReason why, when they do
 * @param purchaseModel the purchase model fitted (or that would have been)
 * @param spendFallbackReason why Gamma-Gamma is not used while the purchase model is, or
 * {@code null}
 */
public record ClvFit(double r, double alpha, double a, double b, double p, double q, double gamma,
		double bgNbdLogLikelihood, double gammaGammaLogLikelihood, ClvTimeUnit timeUnit, int bgNbdIterations,
		int gammaGammaIterations, boolean converged, int customers, int repeatBuyers, int distinctRows,
		boolean fallbackUsed, @Nullable Reason fallbackReason, ClvPurchaseModel purchaseModel,
		@Nullable Reason spendFallbackReason) {

	/**
	 * The BG/NBD parameters.
	 * @return the parameters
	 * @throws IllegalStateException when the fit fell back to the simple formula
	 */
	public BgNbdParameters bgNbd() {
		if (this.fallbackUsed) {
			throw new IllegalStateException("clv.fallback");
		}
		return new BgNbdParameters(this.r, this.alpha, this.a, this.b, this.purchaseModel);
	}

	/**
	 * The Gamma-Gamma parameters.
	 * @return the parameters
	 * @throws IllegalStateException when Gamma-Gamma is not used
	 */
	public GammaGammaParameters gammaGamma() {
		if (!spendFitted()) {
			throw new IllegalStateException("clv.fallback");
		}
		return new GammaGammaParameters(this.p, this.q, this.gamma);
	}

	/**
	 * Whether predictions use the Gamma-Gamma spend model.
	 * @return {@code true} when it was fitted and is used
	 */
	public boolean spendFitted() {
		return !this.fallbackUsed && this.spendFallbackReason == null;
	}

}
