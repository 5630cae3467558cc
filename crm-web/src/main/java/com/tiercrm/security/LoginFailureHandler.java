package com.tiercrm.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;

/**
 * Back to the login page, saying whether the password was wrong or the attempt has to
 * wait, and how long.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String target = "/login?error";
		if (exception instanceof LoginThrottledException throttled) {
			target = throttled.locked() ? "/login?locked=" + throttled.minutes() : "/login?wait=" + throttled.seconds();
		}
		this.redirect.sendRedirect(request, response, target);
	}

}
