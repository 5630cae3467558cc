package com.tiercrm.security;

import com.tiercrm.account.CommonPasswordChecker;
import com.tiercrm.account.PasswordPolicy;
import com.tiercrm.audit.AuditLog;
import com.tiercrm.web.EntryTimes;
import com.tiercrm.web.Formats;
import com.tiercrm.web.ReasonText;
import org.mockito.Mockito;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * What a {@code @WebMvcTest} needs besides its controller: our security chains and the
 * template helpers.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, Formats.class, ReasonText.class, EntryTimes.class })
public class WebSliceConfiguration {

	@Bean
	PasswordPolicy passwordPolicy() {
		return new PasswordPolicy(new CommonPasswordChecker());
	}

	/** A mock: slices check what is recorded where they mean to. */
	@Bean
	AuditLog auditLog() {
		return Mockito.mock(AuditLog.class);
	}

	@Bean
	UserDetailsService noUsers() {
		return new InMemoryUserDetailsManager();
	}

}
