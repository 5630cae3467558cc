package com.tiercrm.security;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Warns in the log when a password reaches the API over plain HTTP from another machine:
 * it crossed the network readable. Once an hour per client address, so that a busy script
 * does not flood the log.
 */
class PlainHttpBasicWarning extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(PlainHttpBasicWarning.class);

	private final Cache<String, Boolean> warned = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && !request.isSecure()
				&& !loopback(request.getRemoteAddr())
				&& this.warned.asMap().putIfAbsent(request.getRemoteAddr(), true) == null) {
			logger.warn("The API received a username and password (HTTP Basic) over plain HTTP from "
					+ request.getRemoteAddr() + ": serve it over TLS (a proxy must send X-Forwarded-Proto), "
					+ "or turn Basic off with tiercrm.security.api-basic-auth=false and use API tokens");
		}
		chain.doFilter(request, response);
	}

	static boolean loopback(String address) {
		return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
	}

}
