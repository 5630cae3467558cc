package com.tiercrm.imports;

import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import com.tiercrm.customer.ReferenceData;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.lease.Leases;
import domaintest.DomainTestApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uploads kept in the embedded H2 database (the default installation).
 */
@SpringBootTest(classes = DomainTestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:uploads;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.jpa.hibernate.ddl-auto=validate" })
@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class, Leases.class,
		com.tiercrm.orderfacts.OrderFacts.class })
class ImportUploadsH2Tests extends ImportUploadsTestCases {

	@TempDir
	static Path workDirectory;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
	}

	@Override
	Path workDirectory() {
		return workDirectory;
	}

	@Override
	DataSource otherDatabase() {
		DriverManagerDataSource other = new DriverManagerDataSource("jdbc:h2:mem:other-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(other).locations("classpath:db/migration").load().migrate();
		return other;
	}

}
