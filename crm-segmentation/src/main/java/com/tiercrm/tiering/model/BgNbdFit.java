package com.tiercrm.tiering.model;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of a BG/NBD maximum-likelihood fit.
 *
 * @param parameters the estimates; {@code null} when the fit did not converge
 * @param logLikelihood the log-likelihood at the last point reached
 * @param iterations the number of BFGS iterations
 * @param converged whether the gradient vanished inside the parameter bounds
 * @param customers the number of customers
 * @param distinctRows the number of distinct (x, tx, T) rows the likelihood was summed
 * over
 */
public record BgNbdFit(@Nullable BgNbdParameters parameters, double logLikelihood, int iterations, boolean converged,
		int customers, int distinctRows) {

}
