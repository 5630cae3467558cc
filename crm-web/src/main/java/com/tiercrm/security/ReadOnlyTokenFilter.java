package com.tiercrm.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses any method but GET, HEAD and OPTIONS to a read-only token, whatever the
 * endpoint.
 */
class ReadOnlyTokenFilter extends OncePerRequestFilter {

	private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

	private final MessageSource messages;

	ReadOnlyTokenFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!READING.contains(request.getMethod()) && authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ApiTokenAuthenticationProvider.READ_ONLY.equals(authority.getAuthority()))) {
			ApiAuthenticationEntryPoint.problem(response, HttpStatus.FORBIDDEN,
					this.messages.getMessage("api.readOnlyToken", null, request.getLocale()));
			return;
		}
		chain.doFilter(request, response);
	}

}
