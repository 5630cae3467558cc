package com.tiercrm.database;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A PostgreSQL streaming replica that read-only web requests read from
 * (docs/operations.md, "A read replica").
 *
 * @param url the replica's JDBC URL; none (the default) reads everything from the primary
 * @param username the replica's user, the primary's ({@code spring.datasource.username})
 * when not set or empty
 * @param password the replica's password, the primary's when no username is set
 * @param maxStaleness how far behind the primary a read from the replica may be: when the
 * replica has not replayed everything the primary had written this long ago (it lags, or
 * cannot be reached), reads go to the primary
 * @param checkInterval how often the replica's progress is compared with the primary's;
 * well below the staleness bound
 * @param maximumPoolSize the largest number of connections to the replica
 */
@ConfigurationProperties("tiercrm.datasource.replica")
public record ReplicaProperties(@Nullable String url, @Nullable String username, @Nullable String password,
		@DefaultValue("2s") Duration maxStaleness, @DefaultValue("200ms") Duration checkInterval,
		@DefaultValue("10") int maximumPoolSize) {

	public ReplicaProperties {
		if (checkInterval.compareTo(maxStaleness) >= 0) {
			throw new IllegalArgumentException("tiercrm.datasource.replica.check-interval (" + checkInterval
					+ ") must be shorter than tiercrm.datasource.replica.max-staleness (" + maxStaleness + ")");
		}
	}

}
