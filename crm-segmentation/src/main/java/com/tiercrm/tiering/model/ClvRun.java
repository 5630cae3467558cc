package com.tiercrm.tiering.model;

import java.util.List;

/**
 * A fitted CLV model and the results it gave.
 *
 * @param fit the fit and its diagnostics
 * @param results one result per customer, in input order
 */
public record ClvRun(ClvFit fit, List<ClvResult> results) {

	/**
	 * Copies the results.
	 */
	public ClvRun {
		results = List.copyOf(results);
	}

}
