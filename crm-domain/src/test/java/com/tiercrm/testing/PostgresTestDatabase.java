package com.tiercrm.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a real PostgreSQL: the one named by
 * {@code CRM_TEST_POSTGRES_URL} (with {@code CRM_TEST_POSTGRES_USER} and
 * {@code CRM_TEST_POSTGRES_PASSWORD}), else a Testcontainers PostgreSQL when a Docker
 * engine is available. With neither, the test fails and says how to provide one: it never
 * skips silently.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String URL_VARIABLE = "CRM_TEST_POSTGRES_URL";

	private static Connection connection;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Connection db = connection();
		TestPropertyValues
			.of("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.username(),
					"spring.datasource.password=" + db.password(), "spring.test.database.replace=none",
					// As the application migrates: one test database serves every module
					// in turn, so each must see the same PostgreSQL-only migrations.
					"spring.flyway.locations=classpath:db/migration,classpath:db/vendor/{vendor}",
					// Spring keeps every test context of a module open with its pool:
					// small
					// pools keep a module's contexts within the server's 100 connections.
					"spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.minimum-idle=0")
			.applyTo(context);
	}

	/**
	 * The PostgreSQL this test run uses, started once per JVM when it comes from
	 * Testcontainers.
	 */
	public static synchronized Connection connection() {
		if (connection == null) {
			connection = resolve();
		}
		return connection;
	}

	private static Connection resolve() {
		String url = System.getenv(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return new Connection(url, env("CRM_TEST_POSTGRES_USER", "postgres"),
					env("CRM_TEST_POSTGRES_PASSWORD", ""));
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17.6-alpine");
			container.start();
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		throw new IllegalStateException("""
				These tests need a real PostgreSQL and found none.
				Either set CRM_TEST_POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1:5432/tiercrm_test) with
				CRM_TEST_POSTGRES_USER and CRM_TEST_POSTGRES_PASSWORD, or start a Docker engine so that
				Testcontainers can run one. .ci/run shows how to do the former on a machine with PostgreSQL.""");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	/**
	 * Where the test PostgreSQL is.
	 */
	public record Connection(String url, String username, String password) {

		public java.sql.Connection open() throws java.sql.SQLException {
			return java.sql.DriverManager.getConnection(this.url, this.username, this.password);
		}

	}

}
