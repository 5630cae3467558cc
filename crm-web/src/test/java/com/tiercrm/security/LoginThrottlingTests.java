package com.tiercrm.security;

import java.time.Duration;
import java.util.Base64;

import com.tiercrm.audit.AuditAction;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.web.Formats;
import com.tiercrm.web.ReasonText;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attack: 30 wrong passwords in a row, on the form and over HTTP Basic; the
 * right password from the same address is then refused without being checked, from
 * another address it still works.
 */
// No controller: the security filters answer these requests before any would run.
@WebMvcTest(controllers = LoginThrottlingTests.class)
@Import({ SecurityConfiguration.class, Formats.class, ReasonText.class, LoginThrottlingTests.Users.class })
class LoginThrottlingTests {

	private static final String ATTACKER = "203.0.113.9";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AuditLog audit;

	@Autowired
	private LoginThrottleTests.MutableClock clock;

	@Test
	void formLoginIsThrottledThenLockedAndAnUntouchedAddressStillLogsIn() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(login("form-rep", "wrong-" + i, ATTACKER)).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login("form-rep", "right-password", ATTACKER)).andExpect(redirectedUrl("/login?wait=2"));
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(login("form-rep", "wrong", ATTACKER));
		}
		// Each wrong password checked is in the audit log, the throttled attempts are
		// not.
		then(this.audit).should(times(5))
			.record(AuditAction.SIGN_IN_FAILED, "form-rep", ATTACKER, null, "bad credentials");
		// Throttled attempts are not even checked: the count grows only by waiting out
		// each delay.
		this.mvc.perform(login("form-rep", "right-password", ATTACKER)).andExpect(redirectedUrl("/login?wait=2"));
		for (long delay = 2; delay <= 32; delay *= 2) {
			this.clock.advance(Duration.ofSeconds(delay));
			this.mvc.perform(login("form-rep", "wrong", ATTACKER)).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login("form-rep", "right-password", ATTACKER)).andExpect(redirectedUrl("/login?locked=15"));
		this.mvc.perform(login("form-rep", "right-password", "10.1.2.3")).andExpect(redirectedUrl("/"));
	}

	@Test
	void basicIsThrottledWith429AndRetryAfter() throws Exception {
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(basic("basic-rep", "wrong-" + i, ATTACKER));
		}
		this.mvc.perform(basic("basic-rep", "right-password", ATTACKER).header("Accept-Language", "zh-CN"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("登录失败次数过多")));
		this.mvc.perform(basic("basic-rep", "right-password", "10.9.9.9"))
			.andExpect(authenticated().withUsername("basic-rep"));
	}

	@Test
	void wrongBasicCredentialsAre401NamingBothSchemes() throws Exception {
		this.mvc.perform(basic("basic-two", "wrong", "10.0.0.5"))
			.andExpect(status().isUnauthorized())
			.andExpect(
					header().stringValues("WWW-Authenticate", "Bearer realm=\"TierCRM\"", "Basic realm=\"TierCRM\""));
	}

	private static MockHttpServletRequestBuilder login(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	private static MockHttpServletRequestBuilder basic(String username, String password, String address) {
		return get("/api/v1/ping")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes()))
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Users {

		@Bean
		LoginThrottleTests.MutableClock clock() {
			return new LoginThrottleTests.MutableClock();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("form-rep").password("{noop}right-password").roles("SALES_REP").build(),
					User.withUsername("basic-rep").password("{noop}right-password").roles("SALES_REP").build(),
					User.withUsername("basic-two").password("{noop}right-password").roles("SALES_REP").build());
		}

	}

}
