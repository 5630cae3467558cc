package com.tiercrm.account;

/**
 * Thrown by {@link AccountManagement} when a request cannot be carried out.
 */
public class UnknownTeamException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnknownTeamException(long teamId) {
		super("No team " + teamId);
	}

}
