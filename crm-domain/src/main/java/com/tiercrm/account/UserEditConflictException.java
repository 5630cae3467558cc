package com.tiercrm.account;

/**
 * Thrown by {@link AccountManagement} when a user was changed by someone else since the
 * edit form was opened.
 */
public class UserEditConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient User current;

	public UserEditConflictException(User current) {
		super("User " + current.getId() + " was changed by someone else");
		this.current = current;
	}

	/**
	 * The user as the other edit left them.
	 */
	public User current() {
		return this.current;
	}

}
