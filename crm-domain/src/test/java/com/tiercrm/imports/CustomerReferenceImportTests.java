package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import com.tiercrm.lease.Leases;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.testing.UsePostgres;
import domaintest.DomainTestApplication;
import org.junit.jupiter.api.BeforeEach;
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
 * A customer file's industries and regions are stored as codes, whichever way they are
 * written; one the installation does not know is a row error, or a new entry when the
 * admin asked for that.
 */
@SpringBootTest(classes = DomainTestApplication.class, properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class, Leases.class,
		com.tiercrm.orderfacts.OrderFacts.class })
class CustomerReferenceImportTests {

	@TempDir
	static Path workDirectory;

	@Autowired
	private ImportManagement imports;

	@Autowired
	private ReferenceData references;

	@Autowired
	private JdbcTemplate jdbc;

	private String prefix;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
	}

	@BeforeEach
	void setUp() {
		this.prefix = "R" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	@Test
	void storesTheCodeOfACodeOrEitherNameWrittenAnyWay() throws IOException {
		String csv = """
				客户编号,客户名称,区域,行业
				%1$sA,Alpha,华东,零售
				%1$sB,Beta,ｅａｓｔ,ＲＥＴＡＩＬ
				%1$sC,Gamma, South China ,it & software
				%1$sD,Delta,,
				""".formatted(this.prefix);
		ImportJob job = submit(csv, false, false);
		assertThat(job.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(industryAndRegion("A")).isEqualTo("RETAIL/EAST");
		assertThat(industryAndRegion("B")).isEqualTo("RETAIL/EAST");
		assertThat(industryAndRegion("C")).isEqualTo("IT/SOUTH");
		assertThat(industryAndRegion("D")).isEqualTo("null/null");
	}

	@Test
	void anUnknownValueIsARowErrorUnlessTheAdminAddsIt() throws IOException {
		String industry = "Agri " + this.prefix;
		String csv = "code,name,industry,region\n%1$sA,Alpha,%2$s,EAST\n%1$sB,Beta,%2$s,Atlantis%1$s\n"
			.formatted(this.prefix, industry);
		ImportJob refused = submit(csv, false, false);
		assertThat(refused.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(this.imports.errors(refused.id(), 10)).extracting(RowError::row, RowError::reasonKey)
			.containsExactly(tuple(2L, "import.error.unknownIndustry"), tuple(3L, "import.error.unknownRegion"),
					tuple(3L, "import.error.unknownIndustry"));
		ImportJob dryRun = submit(csv, true, true);
		assertThat(dryRun.getCounts().invalid()).isZero();
		assertThat(this.references.catalog(ReferenceKind.INDUSTRY).match(industry)).isEmpty();
		ImportJob committed = this.imports.commit(dryRun.id(), "admin");
		assertThat(committed.addsReferenceData()).isTrue();
		assertThat(committed.getCounts().inserted()).isEqualTo(2);
		ReferenceEntry added = this.references.catalog(ReferenceKind.INDUSTRY).match(industry).orElseThrow();
		assertThat(added.code()).isEqualTo("AGRI_" + this.prefix.substring(0, 9).toUpperCase(Locale.ROOT));
		assertThat(added.name(Locale.ENGLISH)).isEqualTo(industry);
		assertThat(added.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo(industry);
		assertThat(industryAndRegion("A")).isEqualTo(added.code() + "/EAST");
		String region = this.references.catalog(ReferenceKind.REGION)
			.match("atlantis" + this.prefix)
			.orElseThrow()
			.code();
		assertThat(industryAndRegion("B")).isEqualTo(added.code() + "/" + region);
	}

	private ImportJob submit(String csv, boolean dryRun, boolean addReferenceData) throws IOException {
		return this.imports.submit(
				new ImportRequest(ImportKind.CUSTOMERS, "customers.csv", ImportMode.ATOMIC, dryRun, null, "admin",
						ColumnMapping.AUTOMATIC, addReferenceData),
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	private String industryAndRegion(String code) {
		return this.jdbc.queryForObject("SELECT industry, region FROM customers WHERE code = ?",
				(rs, row) -> rs.getString(1) + "/" + rs.getString(2), this.prefix + code);
	}

}
