package com.tiercrm.account;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.password.CompromisedPasswordChecker;

/**
 * What a new password must be (NIST SP 800-63B): at least 12 characters, at most 100, not
 * a common password, not the username. No composition rules. Applies to passwords being
 * set, not to those already stored (the demo logins keep {@code demo123}).
 */
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 100;

	private final CompromisedPasswordChecker checker;

	public PasswordPolicy(CompromisedPasswordChecker checker) {
		this.checker = checker;
	}

	/**
	 * Why a new password is not accepted.
	 * @return the message key of the reason, if any
	 */
	public Optional<String> violation(String password, String username) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		String user = username.strip().toLowerCase(Locale.ROOT);
		String lower = password.toLowerCase(Locale.ROOT);
		if (!user.isEmpty() && (lower.equals(user) || (user.length() >= 4 && lower.contains(user)))) {
			return Optional.of("password.containsUsername");
		}
		if (this.checker.check(password).isCompromised()) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

}
