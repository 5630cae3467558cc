package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
 * The PostgreSQL fast path for interactions (COPY into a staging table, set-based update
 * and insert) gives the same counts, errors, rows and last contacts as the batched path.
 */
@SpringBootTest(classes = { DomainTestApplication.class, PostgresOrderLoadTests.Config.class },
		properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class PostgresInteractionLoadTests {

	/** Stored before the import. */
	private static final String STORED = """
			客户编号,互动类型,时间,满意度,备注
			{p}A,拜访,2024-01-05 10:00,5,带了样品
			{p}A,电话,2024-01-06 10:00,,
			{p}B,邮件,2024-01-07 10:00,3,报价
			""";

	/**
	 * Unchanged (1), changed (2: satisfaction and notes), new (3 for A, 4 and 5 for B), a
	 * bad satisfaction (row 7), an unknown customer (row 8), a repeat of a valid row (row
	 * 9) and a repeat of the unknown customer's row (row 10), and a blank row.
	 */
	private static final String FILE = """
			customer code,type,time,satisfaction,notes
			{p}A,visit,2024/1/5 10:00,5,带了样品
			{p}A,call,2024-01-06 10:00,4,回电
			{p}A,meeting,2024-03-01 09:30,,
			{p}B,微信,2024-02-01,2,
			{p}B,邮件,2024-01-08 10:00,3,报价
			{p}B,visit,2024-02-02,9,
			{p}GHOST,visit,2024-02-03,1,
			{p}B,WeChat,2024-02-01 00:00,5,again
			{p}GHOST,拜访,2024-02-03,2,
			,,,,
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
		this.prefix = "I" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	@Test
	void givesTheSameCountsErrorsRowsAndLastContactsAsTheBatchedPath() throws IOException {
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
				assertThat(interactions(fastPrefix + suffix)).isEqualTo(interactions(batchedPrefix + suffix));
				assertThat(lastContacts(fastPrefix + suffix)).isEqualTo(lastContacts(batchedPrefix + suffix));
			}
		}
		ImportJob skipped = this.imports.recent().get(0);
		assertThat(skipped.getCounts()).isEqualTo(new ImportCounts(9, 5, 4, 3, 1, 1));
		assertThat(errors(skipped, fastPrefix + "SC")).extracting(RowError::row, RowError::reasonKey)
			.containsExactly(tuple(7L, "import.error.satisfaction"), tuple(8L, "import.error.unknownCustomer"),
					tuple(9L, "import.error.duplicateInteraction"), tuple(10L, "import.error.duplicateInteraction"));
		assertThat(interactions(fastPrefix + "SC")).contains("A|CALL|2024-01-06 02:00:00+00|4|回电",
				"B|WECHAT|2024-01-31 16:00:00+00|2|");
		assertThat(lastContacts(fastPrefix + "SC")).containsExactly("A|2024-03-01 01:30:00+00",
				"B|2024-01-31 16:00:00+00");
		assertThat(lastContacts(fastPrefix + "AC")).containsExactly("A|2024-01-06 02:00:00+00",
				"B|2024-01-07 02:00:00+00");
	}

	@Test
	void reimportingChangesNothing() throws IOException {
		store(this.imports, this.prefix);
		String file = FILE.replace("{p}", this.prefix);
		ImportJob first = submit(this.imports, ImportKind.INTERACTIONS, file, ImportMode.SKIP_INVALID, false);
		ImportJob again = submit(this.imports, ImportKind.INTERACTIONS, file, ImportMode.SKIP_INVALID, false);
		assertThat(first.getCounts()).isEqualTo(new ImportCounts(9, 5, 4, 3, 1, 1));
		assertThat(again.getCounts()).isEqualTo(new ImportCounts(9, 5, 4, 0, 0, 5));
		assertThat(interactions(this.prefix)).hasSize(6);
	}

	@Test
	void aDatabaseFailureDuringTheMergeWritesNothing() throws IOException {
		store(this.imports, this.prefix);
		List<String> before = interactions(this.prefix);
		List<String> lastContacts = lastContacts(this.prefix);
		this.jdbc.execute("""
				CREATE OR REPLACE FUNCTION import_test_interaction_boom() RETURNS trigger AS $$
				BEGIN
				  IF NEW.type = 'MEETING' THEN RAISE EXCEPTION 'boom'; END IF;
				  RETURN NEW;
				END $$ LANGUAGE plpgsql""");
		this.jdbc.execute("CREATE TRIGGER import_test_interaction_boom BEFORE INSERT ON interactions"
				+ " FOR EACH ROW EXECUTE FUNCTION import_test_interaction_boom()");
		try {
			ImportJob job = submit(this.imports, ImportKind.INTERACTIONS, FILE.replace("{p}", this.prefix),
					ImportMode.SKIP_INVALID, false);
			assertThat(job.getStatus()).isEqualTo(ImportStatus.FAILED);
			assertThat(interactions(this.prefix)).isEqualTo(before).hasSize(3);
			assertThat(lastContacts(this.prefix)).isEqualTo(lastContacts);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER import_test_interaction_boom ON interactions");
			this.jdbc.execute("DROP FUNCTION import_test_interaction_boom()");
		}
	}

	@Test
	void aCancelledImportWritesNothing() throws IOException {
		store(this.imports, this.prefix);
		StringBuilder file = new StringBuilder("customer code,type,time\n");
		for (int i = 0; i < 50_000; i++) {
			file.append(this.prefix)
				.append("A,call,")
				.append(String.format(Locale.ROOT, "2025-01-01 %02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60))
				.append('\n');
		}
		ImportJob job = this.imports.start(
				new ImportRequest(ImportKind.INTERACTIONS, "interactions.csv", ImportMode.ATOMIC, false, null, "admin"),
				new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(this.imports.cancel(job.id())).isTrue();
		this.executor.runAll();
		assertThat(this.imports.find(job.id()).orElseThrow().getStatus()).isEqualTo(ImportStatus.CANCELLED);
		assertThat(interactions(this.prefix)).hasSize(3);
	}

	private ImportJob storeAndImport(ImportManagement imports, String prefix, ImportMode mode, boolean dryRun)
			throws IOException {
		store(imports, prefix);
		return submit(imports, ImportKind.INTERACTIONS, FILE.replace("{p}", prefix), mode, dryRun);
	}

	private void store(ImportManagement imports, String prefix) throws IOException {
		ImportJob customers = submit(imports, ImportKind.CUSTOMERS,
				"code,name\n%1$sA,Alpha\n%1$sB,Beta\n".formatted(prefix), ImportMode.ATOMIC, false);
		assertThat(customers.getCounts().inserted()).isEqualTo(2);
		ImportJob interactions = submit(imports, ImportKind.INTERACTIONS, STORED.replace("{p}", prefix),
				ImportMode.ATOMIC, false);
		assertThat(interactions.getCounts().inserted()).isEqualTo(3);
	}

	private List<RowError> errors(ImportJob job, String prefix) {
		return this.imports.errors(job.id(), 100)
			.stream()
			.map((error) -> new RowError(error.row(), error.column(),
					(error.value() != null) ? error.value().replace(prefix, "") : null, error.reasonKey()))
			.toList();
	}

	/** The interactions of a prefix's customers, without it. */
	private List<String> interactions(String prefix) {
		return this.jdbc.query("""
				SELECT concat_ws('|', substr(c.code, length(?) + 1), i.type,
				       to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00',
				       coalesce(i.satisfaction::text, ''), coalesce(i.notes, ''))
				FROM interactions i JOIN customers c ON c.id = i.customer_id
				WHERE c.code LIKE ? ORDER BY 1""", (rs, i) -> rs.getString(1), prefix, prefix + "%");
	}

	/** The last contact of a prefix's customers, without it. */
	private List<String> lastContacts(String prefix) {
		return this.jdbc.query("""
				SELECT substr(c.code, length(?) + 1) || '|'
				       || coalesce(to_char(c.last_contact_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00', '')
				FROM customers c WHERE c.code LIKE ? ORDER BY c.code""", (rs, i) -> rs.getString(1), prefix,
				prefix + "%");
	}

	private ImportJob submit(ImportManagement imports, ImportKind kind, String content, ImportMode mode, boolean dryRun)
			throws IOException {
		return imports.submit(new ImportRequest(kind, kind.pathName() + ".csv", mode, dryRun, null, "admin"),
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

}
