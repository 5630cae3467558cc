package com.tiercrm.security;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationInterceptorTests {

	private final NavigationInterceptor interceptor = new NavigationInterceptor();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theMenuFollowsTheHighestRoleOfTheSignedInUser() {
		assertThat(navRole(signedIn("ROLE_SALES_REP"))).isEqualTo("SIGNED_IN");
		assertThat(navRole(signedIn("ROLE_MANAGER"))).isEqualTo("MANAGER");
		assertThat(navRole(signedIn("ROLE_ADMIN"))).isEqualTo("ADMIN");
		assertThat(navRole(signedIn("ROLE_MANAGER", "ROLE_ADMIN"))).isEqualTo("ADMIN");
	}

	@Test
	void noMenuWhenSignedOut() {
		assertThat(navRole(null)).isNull();
		assertThat(navRole(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
			.isNull();
	}

	private static Authentication signedIn(String... roles) {
		return UsernamePasswordAuthenticationToken.authenticated("someone", null,
				AuthorityUtils.createAuthorityList(List.of(roles)));
	}

	private Object navRole(Authentication authentication) {
		SecurityContextHolder.getContext().setAuthentication(authentication);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/today");
		assertThat(this.interceptor.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
		return request.getAttribute(NavigationInterceptor.ATTRIBUTE);
	}

}
