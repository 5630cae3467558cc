package com.tiercrm.account;

import java.util.OptionalInt;

/**
 * Failed sign-ins per username as the login throttling counts them, for the admin's users
 * page.
 */
public interface SignInLocks {

	/**
	 * Failed sign-ins since the username's last successful one, if any.
	 */
	OptionalInt failedSignIns(String username);

	/**
	 * Whether the username is locked now.
	 */
	boolean locked(String username);

	/**
	 * Forgets the username's failures: it may sign in again from anywhere at once.
	 */
	void unlock(String username);

}
