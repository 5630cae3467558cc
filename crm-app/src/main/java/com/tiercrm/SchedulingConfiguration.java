package com.tiercrm;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled work, such as the monthly segmentation run and the lease sweeps.
 * Work marked with {@code @SchedulerLock} runs on one instance only, locked in the
 * {@code shedlock} table by the database's clock. The one-shot profiles (data generator,
 * benchmarks) turn it off ({@code tiercrm.scheduling.enabled=false}): the scheduler's
 * threads would keep the JVM alive after their work is done.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "tiercrm.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT1H")
class SchedulingConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
