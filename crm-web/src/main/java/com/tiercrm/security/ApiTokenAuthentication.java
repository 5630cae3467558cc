package com.tiercrm.security;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A personal access token sent as {@code Authorization: Bearer}, not yet checked.
 */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String secret;

	ApiTokenAuthentication(String secret) {
		super(List.of());
		this.secret = secret;
	}

	@Override
	public String getCredentials() {
		return this.secret;
	}

	@Override
	public String getPrincipal() {
		return "";
	}

}
