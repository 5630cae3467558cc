package com.tiercrm.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.tiercrm.account.ApiTokenAccess;
import com.tiercrm.account.ApiTokenManagement;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a personal access token: one SHA-256 and two indexed reads instead of a bcrypt
 * hash per request. A read-only token adds {@link #READ_ONLY} to the user's authorities.
 */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

	static final String READ_ONLY = "API_READ_ONLY";

	private final Supplier<ApiTokenManagement> tokens;

	ApiTokenAuthenticationProvider(Supplier<ApiTokenManagement> tokens) {
		this.tokens = tokens;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String secret = String.valueOf(authentication.getCredentials());
		return this.tokens.get().authenticate(secret).map((holder) -> {
			CrmUser user = CrmUser.of(holder.user());
			List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
			if (holder.access() == ApiTokenAccess.READ_ONLY) {
				authorities.add(new SimpleGrantedAuthority(READ_ONLY));
			}
			return (Authentication) UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		}).orElseThrow(() -> new BadCredentialsException("Unknown, expired or revoked API token"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiTokenAuthentication.class.isAssignableFrom(authentication);
	}

}
