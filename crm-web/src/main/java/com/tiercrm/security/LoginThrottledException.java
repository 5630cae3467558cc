package com.tiercrm.security;

import java.io.Serial;

import com.tiercrm.security.LoginThrottle.Wait;

import org.springframework.security.core.AuthenticationException;

/**
 * A login attempt refused without checking the password because of earlier failures.
 */
public class LoginThrottledException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long seconds;

	private final boolean locked;

	LoginThrottledException(Wait wait) {
		super("Too many failed logins: retry in " + wait.seconds() + " s");
		this.seconds = wait.seconds();
		this.locked = wait.locked();
	}

	public long seconds() {
		return this.seconds;
	}

	public long minutes() {
		return Math.max(1, (this.seconds + 59) / 60);
	}

	public boolean locked() {
		return this.locked;
	}

}
