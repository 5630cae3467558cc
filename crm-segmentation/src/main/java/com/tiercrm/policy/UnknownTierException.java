package com.tiercrm.policy;

/**
 * No tier with that code.
 */
public class UnknownTierException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UnknownTierException(String code) {
		super("No tier " + code);
	}

}
