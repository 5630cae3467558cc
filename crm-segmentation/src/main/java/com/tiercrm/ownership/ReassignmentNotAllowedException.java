package com.tiercrm.ownership;

/**
 * Thrown by {@link CustomerReassignments} when a user who works only their own customers
 * (a sales rep) tries to reassign any.
 */
public class ReassignmentNotAllowedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ReassignmentNotAllowedException(long userId) {
		super("User " + userId + " may not reassign customers");
	}

}
