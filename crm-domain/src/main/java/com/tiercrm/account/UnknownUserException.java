package com.tiercrm.account;

/**
 * Thrown by {@link AccountManagement} when a request cannot be carried out.
 */
public class UnknownUserException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnknownUserException(long userId) {
		super("No user " + userId);
	}

}
