package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.tiercrm.testing.UsePostgres;
import domaintest.DomainTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The PostgreSQL fast path for customers (COPY into a staging table, set-based update and
 * insert) gives the same counts, errors and rows as the batched path.
 */
@SpringBootTest(classes = { DomainTestApplication.class, PostgresOrderLoadTests.Config.class },
		properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class PostgresCustomerLoadTests {

	/** Stored before the import; {o} is the owners' prefix. */
	private static final String STORED = """
			客户编号,客户名称,类型,电话,邮箱,省份,城市,区域,行业,状态,负责人
			{p}A,Alpha,企业,138-1234-5678,a@example.com,上海,上海,华东,RETAIL,有效,{o}rep1
			{p}B,Beta,个人,,b@example.com,广东,深圳,SOUTH,IT,停用,
			{p}C,Gamma,,,,,,,,,{o}rep2
			""";

	/**
	 * Without email and status columns (stored values stay): unchanged (A: the same
	 * values, type, region and industry written differently; a phone written differently
	 * would change how it is shown), changed (B: name, phone, city, owner; C: type, owner
	 * cleared), new (D, E), a bad type (row 7), an unknown owner (row 8), a repeat of a
	 * new row (row 9) and a repeat of the unknown owner's row (row 10), and a blank row.
	 */
	private static final String FILE = """
			code,name,type,phone,province,city,region,industry,owner
			{p}A,Alpha,enterprise,138-1234-5678,上海,上海,EAST,retail,{o}rep1
			{p}B,Beta Ltd,,0086 139-0000-0000,广东,广州,华南,IT,{o}rep2
			{p}C,Gamma,个人,,,,,,
			{p}D,Delta,,(021) 6123 4567,,,,,{o}rep1
			{p}E,Epsilon,,,浙江,杭州,华东,,
			{p}F,Zeta,robot,,,,,,
			{p}G,Eta,,,,,,,{o}nobody
			{p}D,Delta again,,,,,,,
			{p}G,Eta again,,,,,,,{o}rep1
			,,,,,,,,
			""";

	@TempDir
	static Path workDirectory;

	@Autowired
	private ImportManagement imports;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PostgresOrderLoadTests.QueuedExecutor executor;

	@Autowired
	private PostgresOrderLoadTests.BatchedImports batched;

	private String prefix;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
	}

	@BeforeEach
	void setUp() {
		this.prefix = "F" + UUID.randomUUID().toString().substring(0, 8) + "-";
		for (String rep : List.of("rep1", "rep2")) {
			this.jdbc.update("INSERT INTO users (username, display_name, password_hash, role, enabled, created_at)"
					+ " VALUES (?, 'Rep', 'x', 'SALES_REP', TRUE, CURRENT_TIMESTAMP)", this.prefix + rep);
		}
	}

	@Test
	void givesTheSameCountsErrorsAndRowsAsTheBatchedPath() throws IOException {
		ImportManagement batched = this.batched.imports();
		String batchedPrefix = "B" + this.prefix.substring(1);
		String fastPrefix = "G" + this.prefix.substring(1);
		for (ImportMode mode : List.of(ImportMode.ATOMIC, ImportMode.SKIP_INVALID)) {
			for (boolean dryRun : List.of(true, false)) {
				String suffix = mode.name().charAt(0) + (dryRun ? "D" : "C");
				ImportJob expected = storeAndImport(batched, batchedPrefix + suffix, mode, dryRun);
				ImportJob actual = storeAndImport(this.imports, fastPrefix + suffix, mode, dryRun);
				assertThat(actual.getStatus()).isEqualTo(expected.getStatus());
				assertThat(actual.getFailureKey()).isEqualTo(expected.getFailureKey());
				assertThat(actual.getCounts()).isEqualTo(expected.getCounts());
				assertThat(errors(actual, fastPrefix + suffix)).isEqualTo(errors(expected, batchedPrefix + suffix))
					.hasSize(4);
				assertThat(customers(fastPrefix + suffix)).isEqualTo(customers(batchedPrefix + suffix));
			}
		}
		ImportJob skipped = this.imports.recent().get(0);
		assertThat(skipped.getCounts()).isEqualTo(new ImportCounts(9, 5, 4, 2, 2, 1));
		assertThat(errors(skipped, fastPrefix + "SC")).extracting(RowError::row, RowError::column, RowError::reasonKey)
			.containsExactly(tuple(7L, "type", "import.error.type"), tuple(8L, "owner", "import.error.unknownOwner"),
					tuple(9L, "code", "import.error.duplicateInFile"),
					tuple(10L, "code", "import.error.duplicateInFile"));
		assertThat(customers(fastPrefix + "SC")).containsExactly(
				"A|Alpha|ENTERPRISE|13812345678|138-1234-5678|a@example.com|上海|上海|EAST|RETAIL|ACTIVE|rep1|0",
				"B|Beta Ltd|INDIVIDUAL|13900000000|0086 139-0000-0000|b@example.com|广东|广州|SOUTH|IT|INACTIVE|rep2|1",
				"C|Gamma|INDIVIDUAL||||||||ACTIVE||1",
				"D|Delta|ENTERPRISE|02161234567|(021) 6123 4567||||||ACTIVE|rep1|0",
				"E|Epsilon|ENTERPRISE||||浙江|杭州|EAST||ACTIVE||0");
		assertThat(customers(fastPrefix + "AC")).hasSize(3);
	}

	@Test
	void aStatusForAMergedCustomerIsARowErrorOnBothPaths() throws IOException {
		for (ImportManagement imports : List.of(this.batched.imports(), this.imports)) {
			String prefix = "M" + UUID.randomUUID().toString().substring(0, 8) + "-";
			store(imports, prefix);
			this.jdbc.update("UPDATE customers SET status = 'MERGED', merged_into_id = (SELECT id FROM customers"
					+ " WHERE code = ?) WHERE code = ?", prefix + "A", prefix + "B");
			ImportJob job = submit(imports,
					"code,name,status\n{p}A,Alpha,active\n{p}B,Beta,active\n{p}C,Gamma,停用\n".replace("{p}", prefix),
					ImportMode.SKIP_INVALID, false);
			assertThat(job.getCounts()).isEqualTo(new ImportCounts(3, 2, 1, 0, 1, 1));
			assertThat(this.imports.errors(job.id(), 10))
				.extracting(RowError::row, RowError::column, RowError::value, RowError::reasonKey)
				.containsExactly(tuple(3L, "status", "ACTIVE", "import.error.mergedCustomer"));
			assertThat(customers(prefix)).extracting((row) -> row.split("\\|")[10])
				.containsExactly("ACTIVE", "MERGED", "INACTIVE");
		}
	}

	@Test
	void aReferrerIsAStoredCustomersCodeOnBothPaths() throws IOException {
		for (ImportManagement imports : List.of(this.batched.imports(), this.imports)) {
			String prefix = "R" + UUID.randomUUID().toString().substring(0, 8) + "-";
			store(imports, prefix);
			ImportJob job = submit(imports,
					"code,name,referred by\n{p}A,Alpha,{p}B\n{p}C,Gamma,{p}Z\n{p}D,Delta,{p}A\n{p}B,Beta,{p}B\n"
						.replace("{p}", prefix),
					ImportMode.SKIP_INVALID, false);
			assertThat(job.getCounts()).isEqualTo(new ImportCounts(4, 2, 2, 1, 1, 0));
			assertThat(errors(job, prefix))
				.extracting(RowError::row, RowError::column, RowError::value, RowError::reasonKey)
				.containsExactly(tuple(3L, "referred by", "Z", "import.error.unknownReferrer"),
						tuple(5L, "referred by", "B", "import.error.unknownReferrer"));
			assertThat(this.jdbc.query(
					"SELECT substr(c.code, length(?) + 1) || '>' || coalesce(substr(r.code,"
							+ " length(?) + 1), '') FROM customers c LEFT JOIN customers r ON r.id = c.referred_by_id"
							+ " WHERE c.code LIKE ? ORDER BY c.code",
					(rs, i) -> rs.getString(1), prefix, prefix, prefix + "%"))
				.containsExactly("A>B", "B>", "C>", "D>A");
		}
	}

	@Test
	void reimportingChangesNothingAndKeepsWhatTheFileLacks() throws IOException {
		store(this.imports, this.prefix);
		this.jdbc.update("INSERT INTO interactions (customer_id, type, occurred_at)"
				+ " SELECT id, 'CALL', TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00+08' FROM customers WHERE code = ?",
				this.prefix + "B");
		this.jdbc.update("UPDATE customers SET last_contact_at = TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00+08'"
				+ " WHERE code = ?", this.prefix + "B");
		String file = file(this.prefix);
		ImportJob first = submit(this.imports, file, ImportMode.SKIP_INVALID, false);
		OffsetDateTime updatedAt = this.jdbc.queryForObject("SELECT updated_at FROM customers WHERE code = ?",
				OffsetDateTime.class, this.prefix + "B");
		ImportJob again = submit(this.imports, file, ImportMode.SKIP_INVALID, false);
		assertThat(first.getCounts()).isEqualTo(new ImportCounts(9, 5, 4, 2, 2, 1));
		assertThat(again.getCounts()).isEqualTo(new ImportCounts(9, 5, 4, 0, 0, 5));
		assertThat(this.jdbc.queryForObject("SELECT updated_at FROM customers WHERE code = ?", OffsetDateTime.class,
				this.prefix + "B"))
			.isEqualTo(updatedAt);
		assertThat(this.jdbc.queryForObject("SELECT email || '|' || status || '|'"
				+ " || (last_contact_at = TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00+08') FROM customers"
				+ " WHERE code = ?", String.class, this.prefix + "B"))
			.isEqualTo("b@example.com|INACTIVE|true");
	}

	@Test
	void aDatabaseFailureDuringTheMergeWritesNothing() throws IOException {
		store(this.imports, this.prefix);
		List<String> before = customers(this.prefix);
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION import_test_customer_boom() RETURNS trigger AS $$
				BEGIN
				  IF NEW.name = 'Epsilon' THEN RAISE EXCEPTION 'boom'; END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""");
		this.jdbc.execute("CREATE TRIGGER import_test_customer_boom BEFORE INSERT ON customers"
				+ " FOR EACH ROW EXECUTE FUNCTION import_test_customer_boom()");
		try {
			ImportJob job = submit(this.imports, file(this.prefix), ImportMode.SKIP_INVALID, false);
			assertThat(job.getStatus()).isEqualTo(ImportStatus.FAILED);
			assertThat(customers(this.prefix)).isEqualTo(before).hasSize(3);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER import_test_customer_boom ON customers");
			this.jdbc.execute("DROP FUNCTION import_test_customer_boom()");
		}
	}

	@Test
	void aCancelledImportWritesNothing() throws IOException {
		StringBuilder file = new StringBuilder("code,name,phone\n");
		for (int i = 0; i < 50_000; i++) {
			file.append(this.prefix)
				.append("N")
				.append(i)
				.append(",Name ")
				.append(i)
				.append(",138")
				.append(i + 10_000_000)
				.append('\n');
		}
		ImportJob job = this.imports.start(
				new ImportRequest(ImportKind.CUSTOMERS, "customers.csv", ImportMode.ATOMIC, false, null, "admin"),
				new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(this.imports.cancel(job.id())).isTrue();
		this.executor.runAll();
		assertThat(this.imports.find(job.id()).orElseThrow().getStatus()).isEqualTo(ImportStatus.CANCELLED);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customers WHERE code LIKE ?", Long.class,
				this.prefix + "N%"))
			.isZero();
	}

	private ImportJob storeAndImport(ImportManagement imports, String prefix, ImportMode mode, boolean dryRun)
			throws IOException {
		store(imports, prefix);
		return submit(imports, file(prefix), mode, dryRun);
	}

	private void store(ImportManagement imports, String prefix) throws IOException {
		ImportJob stored = submit(imports, STORED.replace("{p}", prefix).replace("{o}", this.prefix), ImportMode.ATOMIC,
				false);
		assertThat(stored.getCounts().inserted()).isEqualTo(3);
	}

	private String file(String prefix) {
		return FILE.replace("{p}", prefix).replace("{o}", this.prefix);
	}

	private List<RowError> errors(ImportJob job, String prefix) {
		return this.imports.errors(job.id(), 100)
			.stream()
			.map((error) -> new RowError(error.row(), error.column(),
					(error.value() != null) ? error.value().replace(prefix, "").replace(this.prefix, "") : null,
					error.reasonKey()))
			.toList();
	}

	/**
	 * The customers of a prefix in the order they were inserted, without it, owners by
	 * username without the owners' prefix.
	 */
	private List<String> customers(String prefix) {
		return this.jdbc.query("""
				SELECT concat_ws('|', substr(c.code, length(?) + 1), c.name, c.type, coalesce(c.phone, ''),
				       coalesce(c.phone_display, ''),
				       coalesce(c.email, ''), coalesce(c.province, ''), coalesce(c.city, ''), coalesce(c.region, ''),
				       coalesce(c.industry, ''), c.status, coalesce(substr(u.username, length(?) + 1), ''), c.version)
				FROM customers c LEFT JOIN users u ON u.id = c.owner_id
				WHERE c.code LIKE ? ORDER BY c.id""", (rs, i) -> rs.getString(1), prefix, this.prefix, prefix + "%");
	}

	private ImportJob submit(ImportManagement imports, String content, ImportMode mode, boolean dryRun)
			throws IOException {
		return imports.submit(new ImportRequest(ImportKind.CUSTOMERS, "customers.csv", mode, dryRun, null, "admin"),
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

}
