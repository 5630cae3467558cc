package com.tiercrm.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import com.tiercrm.testing.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * V15 maps what customers hold today to codes: a name in either language becomes its
 * code, and any other value becomes an entry named as written.
 */
class ReferenceDataMigrationTests {

	@Test
	void mapsStoredNamesToCodesOnH2() {
		SimpleDriverDataSource h2 = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:v15-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		check(h2, null, "classpath:db/migration");
	}

	@Test
	void mapsStoredNamesToCodesOnPostgres() throws SQLException {
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		String schema = "v15_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = db.open()) {
			SingleConnectionDataSource postgres = new SingleConnectionDataSource(connection, true);
			try {
				check(postgres, schema, "classpath:db/migration", "classpath:db/vendor/postgresql");
			}
			finally {
				new JdbcTemplate(postgres).execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}
	}

	private static void check(DataSource dataSource, @Nullable String schema, String... locations) {
		Flyway before = configure(dataSource, schema, locations).target("12").load();
		before.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		if (schema != null) {
			jdbc.execute("SET search_path TO " + schema);
		}
		insert(jdbc, "M1", "零售", "华东");
		insert(jdbc, "M2", " retail ", "east");
		insert(jdbc, "M3", "AUTOMOTIVE", "North China");
		insert(jdbc, "M4", "Agriculture", "Scotland");
		insert(jdbc, "M5", null, null);
		configure(dataSource, schema, locations).load().migrate();
		if (schema != null) {
			jdbc.execute("SET search_path TO " + schema);
		}
		Map<String, List<Object>> customers = new TreeMap<>();
		jdbc.query("SELECT code, industry, region FROM customers", (rs) -> {
			customers.put(rs.getString(1), Arrays.asList(rs.getString(2), rs.getString(3)));
		});
		assertThat(customers).containsExactly(entry("M1", List.of("RETAIL", "EAST")),
				entry("M2", List.of("RETAIL", "EAST")), entry("M3", List.of("AUTOMOTIVE", "NORTH")),
				entry("M4", List.of("Agriculture", "Scotland")), entry("M5", Arrays.asList(null, null)));
		assertThat(jdbc.queryForList("SELECT name_en FROM industries WHERE code = 'Agriculture'", String.class))
			.containsExactly("Agriculture");
		assertThat(jdbc.queryForList("SELECT name_zh FROM regions WHERE code = 'Scotland'", String.class))
			.containsExactly("Scotland");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM industries WHERE name_en = '' OR name_zh = ''",
				Integer.class))
			.isZero();
	}

	private static FluentConfiguration configure(DataSource dataSource, @Nullable String schema, String... locations) {
		FluentConfiguration configuration = Flyway.configure().dataSource(dataSource).locations(locations);
		return (schema != null) ? configuration.schemas(schema).createSchemas(true) : configuration;
	}

	private static void insert(JdbcTemplate jdbc, String code, @Nullable String industry, @Nullable String region) {
		jdbc.update(
				"INSERT INTO customers (code, name, type, industry, region, status, created_at, updated_at)"
						+ " VALUES (?, ?, 'ENTERPRISE', ?, ?, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
				code, code, industry, region);
	}

}
