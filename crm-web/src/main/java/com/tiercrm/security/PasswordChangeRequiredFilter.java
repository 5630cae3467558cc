package com.tiercrm.security;

import java.io.IOException;

import com.tiercrm.account.AccountManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a user whom an admin requires to change their password to the change page, from
 * every page but that one, logout and static files. The requirement is read from the
 * database on each request, so that it holds for sessions that were open when the admin
 * asked, on every instance; a session whose principal says otherwise gets the current
 * one.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PAGE = "/account/password";

	private final ObjectProvider<AccountManagement> accounts;

	private final SessionPrincipal sessionPrincipal;

	PasswordChangeRequiredFilter(ObjectProvider<AccountManagement> accounts, SessionPrincipal sessionPrincipal) {
		this.accounts = accounts;
		this.sessionPrincipal = sessionPrincipal;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CrmUser user && !isStatic(path)
				&& required(user, request, response) && !exempt(path)) {
			response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean required(CrmUser user, HttpServletRequest request, HttpServletResponse response) {
		AccountManagement accounts = this.accounts.getIfAvailable();
		if (accounts == null) {
			return user.passwordChangeRequired();
		}
		boolean required = accounts.passwordChangeRequired(user.id());
		if (required != user.passwordChangeRequired()) {
			this.sessionPrincipal.replace(accounts.find(user.id()), request, response);
		}
		return required;
	}

	private static boolean exempt(String path) {
		return path.equals(CHANGE_PAGE) || path.equals("/logout") || path.equals("/login") || path.equals("/error");
	}

	private static boolean isStatic(String path) {
		return path.startsWith("/webjars/") || path.startsWith("/static/") || path.equals("/favicon.ico");
	}

}
