package com.tiercrm.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code Authorization: Bearer <token>}; other requests pass on to HTTP Basic or to
 * the entry point.
 */
class BearerTokenConverter implements AuthenticationConverter {

	private static final String BEARER = "Bearer ";

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return new ApiTokenAuthentication(header.substring(BEARER.length()).strip());
	}

}
