package com.tiercrm.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API calls signed with a password that an admin requires the user to change
 * (HTTP Basic): 403, until the user has chosen a new one on the change page. The user is
 * read from the database on every Basic call, so this holds at once. Tokens are
 * credentials of their own, revocable on their own, and keep working.
 */
class PasswordChangeRequiredApiFilter extends OncePerRequestFilter {

	private final MessageSource messages;

	PasswordChangeRequiredApiFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof UsernamePasswordAuthenticationToken
				&& authentication.getPrincipal() instanceof CrmUser user && user.passwordChangeRequired()) {
			ApiAuthenticationEntryPoint.problem(response, HttpStatus.FORBIDDEN,
					this.messages.getMessage("api.passwordChangeRequired", null, request.getLocale()));
			return;
		}
		chain.doFilter(request, response);
	}

}
