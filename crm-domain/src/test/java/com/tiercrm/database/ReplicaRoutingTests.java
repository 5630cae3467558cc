package com.tiercrm.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.tiercrm.testing.PostgresTestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica that cannot be used leaves every read to the primary, without holding it up.
 * ReplicaRoutingIntegrationTests (crm-app) shows reads from a real replica.
 */
class ReplicaRoutingTests {

	private ReplicaRouting routing;

	@AfterEach
	void close() {
		if (this.routing != null) {
			this.routing.close();
		}
	}

	@Test
	void readsFromThePrimaryWhenTheReplicaIsDown() throws SQLException {
		ReplicaReads reads = new ReplicaReads();
		this.routing = routing("jdbc:postgresql://127.0.0.1:1/tiercrm", reads);
		try (ReplicaReads.Scope scope = reads.allow(null)) {
			Instant start = Instant.now();
			assertThat(applicationName(this.routing.readOnly())).isEqualTo("primary");
			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
			try (Connection connection = this.routing.readOnly().getConnection()) {
				assertThat(connection.isReadOnly()).isTrue();
			}
			assertThat(scope.wrote()).isFalse();
		}
		assertThat(this.routing.caughtUpTo()).isEqualTo(Instant.EPOCH);
	}

	@Test
	void neverReadsFromAServerThatIsNotAStandby() throws SQLException {
		ReplicaReads reads = new ReplicaReads();
		this.routing = routing(PostgresTestDatabase.connection().url(), reads);
		// Checks that find no replayed WAL on the "replica", the primary itself.
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.routing.caughtUpTo().equals(Instant.EPOCH));
		try (ReplicaReads.Scope scope = reads.allow(null)) {
			assertThat(applicationName(this.routing.readOnly())).isEqualTo("primary");
			assertThat(scope.wrote()).isFalse();
		}
	}

	private static ReplicaRouting routing(String replicaUrl, ReplicaReads reads) {
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		HikariDataSource primary = new HikariDataSource(pool("primary", db.url(), db));
		// As ReplicaConfiguration configures it.
		HikariConfig replica = pool("replica", replicaUrl, db);
		replica.setReadOnly(true);
		replica.setConnectionTimeout(1000);
		return new ReplicaRouting(primary, new HikariDataSource(replica),
				new ReplicaProperties(replicaUrl, null, null, Duration.ofSeconds(2), Duration.ofMillis(100), 2), reads);
	}

	private static HikariConfig pool(String name, String url, PostgresTestDatabase.Connection db) {
		HikariConfig config = new HikariConfig();
		config.setPoolName(name);
		config.setJdbcUrl(url);
		config.setUsername(db.username());
		config.setPassword(db.password());
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(0);
		config.setInitializationFailTimeout(-1);
		config.addDataSourceProperty("ApplicationName", name);
		return config;
	}

	private static String applicationName(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select current_setting('application_name')")) {
			result.next();
			return result.getString(1);
		}
	}

}
