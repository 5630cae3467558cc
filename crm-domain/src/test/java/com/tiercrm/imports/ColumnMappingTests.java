package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.lease.Leases;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.customer.ReferenceData;
import domaintest.DomainTestApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An admin corrects how a file's headers are matched, reruns the dry run, commits it, and
 * saves the mapping for the next file.
 */
@SpringBootTest(classes = DomainTestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:mappings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.jpa.hibernate.ddl-auto=validate" })
@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class, Leases.class,
		com.tiercrm.orderfacts.OrderFacts.class })
class ColumnMappingTests {

	private static final String FILE = "客户号,客户名称,备用电话,城市\nM1,宁波壬癸有限公司,13800000009,宁波\n";

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
	void aCorrectedMappingIsRunAgainCommittedAndSaved() throws IOException {
		ImportJob first = dryRun(FILE, ColumnMapping.AUTOMATIC);
		assertThat(first.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(first.getFailureKey()).isEqualTo("import.file.missingColumns");
		assertThat(this.imports.matchedColumns(first.id()).orElseThrow())
			.extracting(MatchedColumn::header, MatchedColumn::field)
			.containsExactly(tuple("客户号", ""), tuple("客户名称", "NAME"), tuple("备用电话", ""), tuple("城市", "CITY"));
		ColumnMapping corrected = new ColumnMapping(Map.of("客户号", "CODE", "城市", ""));
		ImportJob second = this.imports.startRemapped(first.id(), corrected, null, "admin");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> !this.imports.find(second.id()).orElseThrow().isRunning());
		ImportJob checked = this.imports.find(second.id()).orElseThrow();
		assertThat(checked.getCounts()).isEqualTo(new ImportCounts(1, 1, 0, 1, 0, 0));
		assertThat(this.imports.matchedColumns(second.id()).orElseThrow()).extracting(MatchedColumn::field)
			.containsExactly("CODE", "NAME", "", "");
		ImportJob commit = this.imports.commit(second.id(), "admin");
		assertThat(commit.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(this.jdbc
			.queryForObject("SELECT name || '/' || coalesce(city, '-') FROM customers WHERE code = 'M1'", String.class))
			.isEqualTo("宁波壬癸有限公司/-");
		this.imports.saveMapping(ImportKind.CUSTOMERS, "ERP export", corrected, "admin");
		this.imports.saveMapping(ImportKind.CUSTOMERS, "ERP export", corrected, "admin");
		assertThat(this.imports.mappingNames(ImportKind.CUSTOMERS)).containsExactly("ERP export");
		ColumnMapping saved = this.imports.savedMapping(ImportKind.CUSTOMERS, "ERP export").orElseThrow();
		assertThat(saved).isEqualTo(corrected);
		ImportJob reused = dryRun(FILE.replace("M1", "M2").replace("客户号", " 客户号 "), saved);
		assertThat(reused.getCounts()).isEqualTo(new ImportCounts(1, 1, 0, 1, 0, 0));
	}

	@Test
	void aMappingThatLeavesOutARequiredFieldIsRefused() throws IOException {
		ImportJob job = dryRun("code,name\nM9,Nine\n", new ColumnMapping(Map.of("name", "")));
		assertThat(job.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(job.getFailureKey()).isEqualTo("import.file.missingColumns");
		assertThat(job.getFailureArg()).isEqualTo("客户名称 / name");
		assertThat(this.imports.fields(ImportKind.CUSTOMERS, Locale.ENGLISH)).first()
			.isEqualTo(new ImportField("CODE", "code", true));
	}

	private ImportJob dryRun(String content, ColumnMapping mapping) throws IOException {
		return this.imports.submit(
				new ImportRequest(ImportKind.CUSTOMERS, "erp.csv", ImportMode.ATOMIC, true, null, "admin", mapping),
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

}
