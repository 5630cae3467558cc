package com.tiercrm.account;

/**
 * Thrown by {@link AccountManagement} when a request cannot be carried out.
 */
public class UsernameTakenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsernameTakenException(String username) {
		super("Username already taken: " + username);
	}

}
