package com.tiercrm.database;

import com.tiercrm.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseDialectTests {

	@Test
	void theEmbeddedH2InPostgresModeIsNoPostgres() {
		DatabaseDialect dialect = new DatabaseDialect(
				new DriverManagerDataSource("jdbc:h2:mem:dialect;MODE=PostgreSQL", "sa", ""));

		assertThat(dialect.isPostgres()).isFalse();
	}

	@Test
	void postgresIsPostgres() {
		PostgresTestDatabase.Connection postgres = PostgresTestDatabase.connection();
		DatabaseDialect dialect = new DatabaseDialect(
				new DriverManagerDataSource(postgres.url(), postgres.username(), postgres.password()));

		assertThat(dialect.isPostgres()).isTrue();
	}

}
