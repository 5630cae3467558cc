package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.tiercrm.customer.ReferenceData;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.lease.Leases;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Uploads are kept in the database with their job: the same cases on H2 and PostgreSQL.
 */
abstract class ImportUploadsTestCases {

	@Autowired
	private com.tiercrm.orderfacts.OrderFacts orderFacts;

	@Autowired
	ImportManagement imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportProperties properties;

	@Autowired
	ImportJobRepository jobs;

	@Autowired
	EntityManager entities;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ReferenceData references;

	@Autowired
	Leases leases;

	@Autowired
	DatabaseDialect dialect;

	String prefix;

	/** The work directory the instance under test copies files to. */
	abstract Path workDirectory();

	/**
	 * Another database, migrated like the test's, standing for a second installation
	 * whose job ids are counted separately.
	 */
	abstract DataSource otherDatabase();

	@BeforeEach
	void setUp() {
		this.prefix = "U" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	@Test
	void keepsAnUploadOfSeveralMebibytesByteForByte() throws IOException {
		StringBuilder text = new StringBuilder("客户编号,客户名称,城市\r\n");
		int rows = 45_000;
		for (int i = 0; i < rows; i++) {
			text.append(this.prefix).append(i).append(",杭州甲乙丙丁戊己庚辛壬癸贸易有限公司第").append(i).append("号分店,杭州\r\n");
		}
		byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
		assertThat(content.length).isGreaterThan(3 * ImportUploadStore.CHUNK_BYTES);

		ImportJob dryRun = submit(content, true);

		assertThat(dryRun.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(dryRun.getCounts().valid()).isEqualTo(rows);
		assertThat(dryRun.getFileBytes()).isEqualTo(content.length);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM import_upload_chunks c JOIN import_uploads u ON u.id = c.upload_id WHERE u.job_id = ?",
				Integer.class, dryRun.id()))
			.isEqualTo(content.length / ImportUploadStore.CHUNK_BYTES + 1);
		ImportUploadStore store = new ImportUploadStore(this.jdbc, this.properties);
		try (InputStream in = store.open(dryRun.id()).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		Path copy = store.spool(dryRun.id(), Long.MAX_VALUE);
		try {
			assertThat(Files.readAllBytes(copy)).isEqualTo(content);
			if (copy.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
			}
		}
		finally {
			Files.delete(copy);
		}
		assertThat(this.imports.sampleLine(dryRun.id())).hasValue("客户编号,客户名称,城市");
		assertThat(this.imports.matchedColumns(dryRun.id()))
			.hasValueSatisfying((columns) -> assertThat(columns).extracting(MatchedColumn::field)
				.containsExactly("CODE", "NAME", "CITY"));

		ImportJob committed = this.imports.commit(dryRun.id(), "admin");

		assertThat(committed.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(committed.getCounts().inserted()).isEqualTo(rows);
		assertThat(this.jdbc.queryForObject("SELECT name FROM customers WHERE code = ?", String.class,
				this.prefix + (rows - 1)))
			.isEqualTo("杭州甲乙丙丁戊己庚辛壬癸贸易有限公司第" + (rows - 1) + "号分店");
		assertThat(uploadsOf(committed.id())).as("a committed file goes at once").isZero();
		assertThat(uploadsOf(dryRun.id())).isZero();
		assertThat(spoolFiles()).as("the private copies are deleted").isEmpty();
	}

	@Test
	void commitsOnlyTheFileOfItsOwnDryRun() throws IOException {
		ImportJob first = submit(customer("A", "甲公司"), true);
		ImportJob second = submit(customer("B", "乙公司"), true);

		ImportJob committed = this.imports.commit(first.id(), "admin");

		assertThat(committed.getCounts().inserted()).isEqualTo(1);
		assertThat(names()).containsExactly("甲公司");
		assertThat(this.imports.commit(second.id(), "admin").getCounts().inserted()).isEqualTo(1);
		assertThat(names()).containsExactly("甲公司", "乙公司");
		assertThatExceptionOfType(ImportFileException.class).isThrownBy(() -> this.imports.commit(first.id(), "admin"))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("import.failure.notCommittable"));
	}

	/**
	 * The case: two installations on one host both made job N; the other one's
	 * upload (same id, same work directory) must not be what this one commits.
	 */
	@Test
	void neverReadsTheFileAnotherDatabaseKeptUnderTheSameJobId() throws IOException {
		ImportJob dryRun = submit(customer("A", "本库公司"), true);
		JdbcTemplate other = new JdbcTemplate(otherDatabase());
		other.update(
				"INSERT INTO import_jobs (id, kind, file_name, file_bytes, mode, dry_run, status, requested_by,"
						+ " started_at) VALUES (?, 'CUSTOMERS', 'other.csv', 0, 'ATOMIC', TRUE, 'RUNNING', 'admin', ?)",
				dryRun.id(), Timestamp.from(Instant.now()));
		ImportUploadStore otherStore = new ImportUploadStore(other, this.properties);
		otherStore.store(dryRun.id(), new ByteArrayInputStream(customer("B", "别库公司")));

		ImportJob committed = this.imports.commit(dryRun.id(), "admin");

		assertThat(committed.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(names()).containsExactly("本库公司");
		try (InputStream in = otherStore.open(dryRun.id()).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(customer("B", "别库公司"));
		}
	}

	/**
	 * Another instance of the same installation, with a work directory of its own,
	 * commits a dry run this one checked.
	 */
	@Test
	void commitsOnAnotherInstanceADryRunThisOneChecked(@TempDir Path otherWorkDirectory) throws IOException {
		ImportJob dryRun = submit(customer("A", "甲公司"), true);
		ImportProperties p = this.properties;
		ImportManagement otherInstance = new ImportManagement(this.jobs, this.entities, this.jdbc,
				this.transactionManager, Runnable::run,
				new ImportProperties(p.maxFileSize(), p.maxCellLength(), p.maxStoredErrors(), otherWorkDirectory,
						p.timeZone(), p.postgresBulk(), p.earliestDate(), p.uploadRetention()),
				this.references, this.dialect, this.leases, this.orderFacts);

		ImportJob committed = otherInstance.commit(dryRun.id(), "admin");

		assertThat(committed.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(names()).containsExactly("甲公司");
	}

	@Test
	void refusesToCommitAFileThatChangedSinceItWasChecked() throws IOException {
		ImportJob dryRun = submit(customer("A", "甲公司"), true);
		byte[] changed = customer("A", "乙公司");
		this.jdbc.update("UPDATE import_upload_chunks SET data = ? WHERE seq = 0 AND upload_id ="
				+ " (SELECT id FROM import_uploads WHERE job_id = ?)", changed, dryRun.id());

		ImportJob committed = this.imports.commit(dryRun.id(), "admin");

		assertThat(committed.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(committed.getFailureKey()).isEqualTo("import.failure.checksum");
		assertThat(names()).isEmpty();
		assertThat(uploadsOf(committed.id())).isZero();
	}

	@Test
	void deletesUploadsAfterTheRetentionPeriod() throws IOException {
		ImportJob old = submit(customer("A", "甲公司"), true);
		this.jdbc.update("UPDATE import_uploads SET stored_at = ? WHERE job_id = ?",
				Timestamp.from(Instant.now().minus(this.properties.uploadRetention()).minusSeconds(60)), old.id());

		ImportJob recent = submit(customer("B", "乙公司"), true);

		assertThat(uploadsOf(old.id())).isZero();
		assertThat(uploadsOf(recent.id())).isOne();
		assertThatExceptionOfType(ImportFileException.class).isThrownBy(() -> this.imports.commit(old.id(), "admin"));
		assertThat(this.imports.commit(recent.id(), "admin").getCounts().inserted()).isEqualTo(1);
	}

	@Test
	void refusesAnEmptyUploadWithoutKeepingIt() throws IOException {
		ImportJob empty = submit(new byte[0], true);

		assertThat(empty.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(empty.getFailureKey()).isEqualTo("import.file.empty");
		assertThat(uploadsOf(empty.id())).isZero();
	}

	private ImportJob submit(byte[] content, boolean dryRun) throws IOException {
		return this.imports.submit(
				new ImportRequest(ImportKind.CUSTOMERS, "customers.csv", ImportMode.ATOMIC, dryRun, null, "admin"),
				new ByteArrayInputStream(content));
	}

	private byte[] customer(String code, String name) {
		return ("客户编号,客户名称\r\n" + this.prefix + code + "," + name + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	private List<String> names() {
		return this.jdbc.queryForList("SELECT name FROM customers WHERE code LIKE ? ORDER BY code", String.class,
				this.prefix + "%");
	}

	private int uploadsOf(long jobId) {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM import_uploads WHERE job_id = ?", Integer.class,
				jobId);
		return (count != null) ? count : 0;
	}

	private List<Path> spoolFiles() throws IOException {
		if (!Files.isDirectory(workDirectory())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(workDirectory())) {
			return files.filter((file) -> file.toString().endsWith(".spool")).toList();
		}
	}

}
