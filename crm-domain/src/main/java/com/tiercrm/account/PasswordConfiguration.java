package com.tiercrm.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with the delegating encoder: BCrypt today, tagged with
 * {@code {bcrypt}} so that a later algorithm can take over without invalidating stored
 * hashes. New passwords follow the {@link PasswordPolicy}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	PasswordPolicy passwordPolicy() {
		return new PasswordPolicy(new CommonPasswordChecker());
	}

}
