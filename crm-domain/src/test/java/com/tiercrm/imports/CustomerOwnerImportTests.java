package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.tiercrm.lease.Leases;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.customer.ReferenceData;
import domaintest.DomainTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer file may name each customer's owner by username.
 */
@SpringBootTest(classes = DomainTestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:owners;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.jpa.hibernate.ddl-auto=validate" })
@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class, Leases.class,
		com.tiercrm.orderfacts.OrderFacts.class })
class CustomerOwnerImportTests {

	@TempDir
	static Path workDirectory;

	@Autowired
	private ImportManagement imports;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
	}

	@Test
	void ownersAreMatchedByUsernameAndAnUnknownOneIsARowError() throws IOException {
		this.jdbc.update("INSERT INTO users (username, display_name, password_hash, role, enabled, created_at)"
				+ " VALUES ('owner-rep', 'Rep', 'x', 'SALES_REP', TRUE, CURRENT_TIMESTAMP)");
		long rep = this.jdbc.queryForObject("SELECT id FROM users WHERE username = 'owner-rep'", Long.class);
		ImportJob job = submit("客户编号,客户名称,负责人\nW1,Alpha,owner-rep\nW2,Beta,nobody\nW3,Gamma,\n");
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(3, 2, 1, 2, 0, 0));
		assertThat(this.imports.errors(job.id(), 10))
			.containsExactly(new RowError(3, "负责人", "nobody", "import.error.unknownOwner"));
		assertThat(this.jdbc.queryForObject("SELECT owner_id FROM customers WHERE code = 'W1'", Long.class))
			.isEqualTo(rep);
		assertThat(this.jdbc.queryForObject("SELECT owner_id FROM customers WHERE code = 'W3'", Long.class)).isNull();
		ImportJob again = submit("code,name,owner\nW1,Alpha,owner-rep\nW3,Gamma,owner-rep\n");
		assertThat(again.getCounts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 1, 1));
		ImportJob withoutOwners = submit("code,name\nW1,Alpha\n");
		assertThat(withoutOwners.getCounts().unchanged()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT owner_id FROM customers WHERE code = 'W1'", Long.class))
			.isEqualTo(rep);
	}

	private ImportJob submit(String content) throws IOException {
		return this.imports.submit(
				new ImportRequest(ImportKind.CUSTOMERS, "c.csv", ImportMode.SKIP_INVALID, false, null, "admin"),
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

}
