package com.tiercrm.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a user whom an admin requires to change their password to the change page, from
 * every page but that one, logout and static files.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PAGE = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CrmUser user
				&& user.passwordChangeRequired() && !exempt(request)) {
			response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean exempt(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(CHANGE_PAGE) || path.equals("/logout") || path.equals("/login") || path.equals("/error")
				|| path.startsWith("/webjars/") || path.startsWith("/static/") || path.equals("/favicon.ico");
	}

}
