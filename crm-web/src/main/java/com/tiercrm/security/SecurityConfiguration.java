package com.tiercrm.security;

import com.tiercrm.account.AccountManagement;
import com.tiercrm.account.ApiTokenManagement;
import com.tiercrm.audit.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two chains: a stateless one for {@code /api/v1/**} and the actuator endpoints (personal
 * access tokens, and HTTP Basic when allowed) and a form-login one for the pages, the
 * OpenAPI description and Swagger UI. Passwords are checked only when the
 * {@link LoginThrottle} allows it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(CrmSecurityProperties.class)
@Import({ LoginThrottleConfiguration.class, SessionPrincipal.class })
class SecurityConfiguration implements WebMvcConfigurer {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	AuthenticationProvider passwordAuthentication(UserDetailsService users, ObjectProvider<PasswordEncoder> encoder,
			LoginThrottle throttle, AuditLog audit) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder.getIfAvailable(PasswordEncoderFactories::createDelegatingPasswordEncoder));
		return new ThrottledAuthenticationProvider(passwords, throttle, audit);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, CrmSecurityProperties properties, MessageSource messages,
			ObjectProvider<ApiTokenManagement> tokens) throws Exception {
		ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(messages, properties.apiBasicAuth());
		AuthenticationFilter bearer = new AuthenticationFilter(
				new ProviderManager(new ApiTokenAuthenticationProvider(SingletonSupplier.of(tokens::getObject))),
				new BearerTokenConverter());
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
		// Health and its probes are for load balancers and orchestrators, without details
		// unless an admin asks; metrics and every other endpoint are for admins (scrapers
		// use an admin's read-only token). The matchers follow a separate management
		// port.
		http.securityMatchers(
				(matchers) -> matchers.requestMatchers("/api/**").requestMatchers(EndpointRequest.toAnyEndpoint()))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/segmentation/**")
				.hasAnyRole("MANAGER", "ADMIN")
				.requestMatchers(HttpMethod.PUT, "/api/v1/tiers/**")
				.hasAnyRole("MANAGER", "ADMIN")
				.requestMatchers("/api/v1/imports", "/api/v1/imports/**", "/api/v1/audit", "/api/v1/audit/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.addFilterBefore(new ReadOnlyTokenFilter(messages), AuthorizationFilter.class)
			.addFilterBefore(new PasswordChangeRequiredApiFilter(messages), AuthorizationFilter.class);
		if (properties.apiBasicAuth()) {
			http.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
				.addFilterBefore(new PlainHttpBasicWarning(), BasicAuthenticationFilter.class);
		}
		else {
			http.httpBasic((basic) -> basic.disable());
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, ObjectProvider<AccountManagement> accounts,
			SessionPrincipal sessionPrincipal) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/login", "/webjars/**", "/static/**", "/favicon.ico", "/error")
					.permitAll()
					.requestMatchers("/admin/**", "/imports", "/imports/**")
					.hasRole("ADMIN")
					.requestMatchers("/tiers/*/policy/edit", "/tiering/**")
					.hasAnyRole("MANAGER", "ADMIN")
					.anyRequest()
					.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(new LoginSuccessHandler())
				.failureHandler(new LoginFailureHandler())
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.csrf(Customizer.withDefaults())
			.addFilterBefore(new PasswordChangeRequiredFilter(accounts, sessionPrincipal), AuthorizationFilter.class);
		return http.build();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LoginNoticeInterceptor());
		registry.addInterceptor(new NavigationInterceptor());
	}

}
