package com.tiercrm.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to missing, wrong or throttled credentials: 401 naming the schemes it
 * accepts, or 429 with {@code Retry-After}; a problem detail in the client's language.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final MessageSource messages;

	private final boolean basic;

	ApiAuthenticationEntryPoint(MessageSource messages, boolean basic) {
		this.messages = messages;
		this.basic = basic;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		HttpStatus status;
		String detail;
		if (exception instanceof LoginThrottledException throttled) {
			status = HttpStatus.TOO_MANY_REQUESTS;
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.seconds()));
			detail = throttled.locked()
					? this.messages.getMessage("login.locked", new Object[] { throttled.minutes() },
							request.getLocale())
					: this.messages.getMessage("login.wait", new Object[] { throttled.seconds() }, request.getLocale());
		}
		else {
			status = HttpStatus.UNAUTHORIZED;
			response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"TierCRM\"");
			if (this.basic) {
				response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"TierCRM\"");
			}
			detail = this.messages.getMessage("api.unauthorized", null, request.getLocale());
		}
		problem(response, status, detail);
	}

	static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"status\":" + status.value() + ",\"title\":\"" + status.getReasonPhrase() + "\",\"detail\":\""
					+ json(detail) + "\"}");
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
