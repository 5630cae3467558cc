package com.tiercrm.tiering.model;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of a Gamma-Gamma maximum-likelihood fit.
 *
 * @param parameters the estimates; {@code null} when the fit did not converge
 * @param logLikelihood the log-likelihood of the mean repeat-transaction values at the
 * last point reached
 * @param iterations the number of BFGS iterations
 * @param converged whether the gradient vanished inside the parameter bounds
 * @param repeatBuyers the number of customers the fit used (at least one repeat purchase
 * and a positive mean repeat spend)
 */
public record GammaGammaFit(@Nullable GammaGammaParameters parameters, double logLikelihood, int iterations,
		boolean converged, int repeatBuyers) {

}
