package com.tiercrm.security;

import java.io.Serializable;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.security.LoginThrottle.Failures;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password, for the form and for HTTP Basic alike, checked only when the
 * {@link LoginThrottle} allows it: a throttled attempt costs no password hash. Each wrong
 * password is recorded in the audit log; throttled attempts are not, so that flooding the
 * form cannot flood the log.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, AuditLog audit) {
		this.passwords = passwords;
		this.audit = audit;
		this.throttle = throttle;
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = address(authentication);
		this.throttle.check(username, address).ifPresent((wait) -> {
			throw new LoginThrottledException(wait);
		});
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(username, address);
			this.audit.record(AuditAction.SIGN_IN_FAILED, username, address, null, "bad credentials");
			throw ex;
		}
		Failures before = this.throttle.succeeded(username);
		if (result != null && before != null) {
			UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken
				.authenticated(result.getPrincipal(), result.getCredentials(), result.getAuthorities());
			token.setDetails(new FailuresSinceLastLogin(
					(result.getDetails() instanceof Serializable details) ? details : null, before));
			return token;
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
	}

	/**
	 * The request's details and the failed attempts before this login, to tell the user.
	 *
	 * @param request the details the filter set
	 * @param failures the failures since the last login
	 */
	record FailuresSinceLastLogin(@Nullable Serializable request, Failures failures) implements Serializable {

	}

}
