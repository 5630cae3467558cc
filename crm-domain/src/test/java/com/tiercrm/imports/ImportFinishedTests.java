package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import com.tiercrm.testing.UsePostgres;
import domaintest.DomainTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every job that read its file raises one {@link ImportFinished} with how it ended, which
 * path it took and how many rows it read; an upload refused before reading raises none.
 */
@SpringBootTest(classes = { DomainTestApplication.class, ImportManagementTests.Config.class },
		properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
@RecordApplicationEvents
class ImportFinishedTests {

	@TempDir
	static Path workDirectory;

	@Autowired
	private ImportManagement imports;

	@Autowired
	private ApplicationEvents events;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
	}

	@Test
	void aJobThatReadItsFileTellsHowItEndedAndWhichPathItTook() throws IOException {
		String prefix = "F" + UUID.randomUUID().toString().substring(0, 8) + "-";
		ImportJob dryRun = submit("code,name\n%1$sA,Alpha\n%1$sB,Beta\n,No Code\n".formatted(prefix), true);
		ImportJob rejected = submit("code,name\n%1$sA,Alpha\n,No Code\n".formatted(prefix), false);
		ImportJob refused = submit("", false);

		assertThat(this.events.stream(ImportFinished.class)).hasSize(2).satisfiesExactly((checked) -> {
			assertThat(checked.jobId()).isEqualTo(dryRun.id());
			assertThat(checked.status()).isEqualTo(ImportStatus.SUCCEEDED);
			assertThat(checked.dryRun()).isTrue();
			assertThat(checked.bulk()).as("PostgreSQL takes the fast path").isTrue();
			assertThat(checked.rows()).isEqualTo(3);
			assertThat(checked.duration()).isPositive();
		}, (written) -> {
			assertThat(written.jobId()).isEqualTo(rejected.id());
			assertThat(written.kind()).isEqualTo(ImportKind.CUSTOMERS);
			assertThat(written.status()).isEqualTo(ImportStatus.REJECTED);
			assertThat(written.dryRun()).isFalse();
			assertThat(written.rows()).isEqualTo(2);
		});
		assertThat(refused.getStatus()).isEqualTo(ImportStatus.REJECTED);
	}

	private ImportJob submit(String csv, boolean dryRun) throws IOException {
		return this.imports.submit(
				new ImportRequest(ImportKind.CUSTOMERS, "customers.csv", ImportMode.ATOMIC, dryRun, null, "admin"),
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

}
