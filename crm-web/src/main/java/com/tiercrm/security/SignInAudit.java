package com.tiercrm.security;

import java.io.IOException;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web side of the audit log: records each sign-in on the form (failures are recorded
 * where passwords are checked), and makes the client's address known to the entries
 * recorded while a request is served (after the security filters, which honour the
 * forwarded headers).
 */
@Component
class SignInAudit extends OncePerRequestFilter {

	private final AuditLog audit;

	SignInAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		Object details = authentication.getDetails();
		if (details instanceof ThrottledAuthenticationProvider.FailuresSinceLastLogin failures) {
			details = failures.request();
		}
		String address = (details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : null;
		this.audit.record(AuditAction.SIGN_IN, authentication.getName(), address, null, null);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AuditLog.AddressScope scope = AuditLog.from(request.getRemoteAddr());
		try {
			chain.doFilter(request, response);
		}
		finally {
			scope.close();
		}
	}

}
