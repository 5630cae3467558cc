package com.tiercrm.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.TransactionExecution;
import org.springframework.util.StringUtils;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * With a replica configured, the application's one data source is Spring's
 * {@link LazyConnectionDataSourceProxy}: a transaction takes its connection at its first
 * statement, from the primary's pool, or, for a read-only transaction, from
 * {@link ReplicaRouting} (the replica's pool when {@link ReplicaReads} allows it, else
 * the primary's). Everything that is not a read-only transaction (Flyway, Spring Session,
 * ShedLock, leases, the cache listener, every write) gets the primary. A thread that
 * committed a read-write transaction reads from the primary for the rest of its
 * {@link ReplicaReads#allow scope}, so that it sees what it wrote.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${tiercrm.datasource.replica.url:}'.isBlank()")
class ReplicaConfiguration {

	@Bean
	ReplicaRouting replicaRouting(DataSourceProperties primary, Environment environment, ReplicaProperties replica,
			ReplicaReads reads) {
		HikariDataSource primaryPool = primary.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		// The primary's pool takes spring.datasource.hikari.* as it does without a
		// replica.
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primaryPool));
		HikariConfig config = new HikariConfig();
		config.setPoolName("replica");
		config.setJdbcUrl(replica.url());
		boolean ownUser = StringUtils.hasText(replica.username());
		config.setUsername(ownUser ? replica.username() : primary.determineUsername());
		config.setPassword(ownUser ? replica.password() : primary.determinePassword());
		config.setReadOnly(true);
		config.setMaximumPoolSize(replica.maximumPoolSize());
		config.setMinimumIdle(0);
		// A replica that is down must neither stop the start nor hold a request up: its
		// reads go to the primary.
		config.setInitializationFailTimeout(-1);
		config.setConnectionTimeout(1000);
		return new ReplicaRouting(primaryPool, new HikariDataSource(config), replica, reads);
	}

	@Bean
	DataSource dataSource(ReplicaRouting routing) {
		LazyConnectionDataSourceProxy dataSource = new LazyConnectionDataSourceProxy(routing.primary());
		dataSource.setReadOnlyDataSource(routing.readOnly());
		return dataSource;
	}

	@Bean
	TransactionExecutionListener replicaReadsAfterWrites(ReplicaReads reads) {
		return new TransactionExecutionListener() {

			@Override
			public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
				if (!transaction.isReadOnly()) {
					reads.wrote();
				}
			}

		};
	}

}
