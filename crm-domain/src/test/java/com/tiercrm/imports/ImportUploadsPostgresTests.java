package com.tiercrm.imports;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import com.tiercrm.customer.ReferenceData;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.testing.PostgresTestDatabase;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.lease.Leases;
import domaintest.DomainTestApplication;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uploads kept in PostgreSQL; the other installation is a schema of its own in the test
 * database.
 */
@SpringBootTest(classes = DomainTestApplication.class, properties = "spring.jpa.hibernate.ddl-auto=validate")
@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class, Leases.class,
		com.tiercrm.orderfacts.OrderFacts.class })
@UsePostgres
class ImportUploadsPostgresTests extends ImportUploadsTestCases {

	private static final String OTHER_SCHEMA = "uploads_other_" + UUID.randomUUID().toString().substring(0, 8);

	@TempDir
	static Path workDirectory;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
	}

	@AfterAll
	static void dropOtherSchema() {
		new JdbcTemplate(connect(null)).execute("DROP SCHEMA IF EXISTS " + OTHER_SCHEMA + " CASCADE");
	}

	@Override
	Path workDirectory() {
		return workDirectory;
	}

	@Override
	DataSource otherDatabase() {
		Flyway.configure()
			.dataSource(connect(null))
			.schemas(OTHER_SCHEMA)
			.locations("classpath:db/migration")
			.load()
			.migrate();
		return connect(OTHER_SCHEMA);
	}

	private static DataSource connect(@Nullable String schema) {
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		String url = (schema != null) ? db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + schema
				: db.url();
		return new DriverManagerDataSource(url, db.username(), db.password());
	}

}
