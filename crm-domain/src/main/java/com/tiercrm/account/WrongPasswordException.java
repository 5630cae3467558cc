package com.tiercrm.account;

/**
 * Thrown by {@link AccountManagement} when the current password given is not the user's.
 */
public class WrongPasswordException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public WrongPasswordException() {
		super("The current password is wrong");
	}

}
