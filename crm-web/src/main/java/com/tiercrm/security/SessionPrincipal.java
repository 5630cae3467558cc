package com.tiercrm.security;

import com.tiercrm.account.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Replaces the signed-in user's principal in the session after their account changed,
 * e.g. once a required password change is done.
 */
@Component
public class SessionPrincipal {

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	public void replace(User user, HttpServletRequest request, HttpServletResponse response) {
		CrmUser principal = CrmUser.of(user);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}
