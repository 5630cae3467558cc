package com.tiercrm.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sign-in throttle, also without a web server: the users' administration reads its
 * locks, and the one-shot profiles (generator, benchmarks) start the application without
 * one.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

	@Bean
	LoginThrottle loginThrottle(ObjectProvider<Clock> clock) {
		return new LoginThrottle(clock.getIfAvailable(Clock::systemUTC));
	}

}
