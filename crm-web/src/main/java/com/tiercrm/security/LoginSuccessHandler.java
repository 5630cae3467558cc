package com.tiercrm.security;

import java.io.IOException;

import com.tiercrm.security.ThrottledAuthenticationProvider.FailuresSinceLastLogin;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Goes where the user was heading, and keeps for the next page how many failed logins
 * there were since the user's last one.
 */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String FAILURES_ATTRIBUTE = LoginSuccessHandler.class.getName() + ".failures";

	LoginSuccessHandler() {
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (authentication.getDetails() instanceof FailuresSinceLastLogin failures) {
			request.getSession().setAttribute(FAILURES_ATTRIBUTE, failures.failures());
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
