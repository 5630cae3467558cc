package com.tiercrm.ownership;

/**
 * Thrown by {@link CustomerReassignments} when a customer does not exist or is not in the
 * user's scope, which pages show alike: not found.
 */
public class CustomerOutOfScopeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CustomerOutOfScopeException(String code) {
		super("No customer " + code + " in scope");
	}

}
