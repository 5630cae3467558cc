package com.tiercrm.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.UUID;

import com.tiercrm.lease.Leases;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.testing.UsePostgres;
import domaintest.DomainTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times a committed order import into PostgreSQL and, for comparison, a bare COPY of the
 * same file into an unindexed table; prints one JSON line. Not part of the suite (the
 * name does not end in Tests). Run it with
 * {@code ./mvnw -pl crm-domain test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dimport.benchmark.rows=1000000} and the usual {@code CRM_TEST_POSTGRES_*} variables.
 */
@SpringBootTest(classes = DomainTestApplication.class)
@UsePostgres
@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class, Leases.class,
		com.tiercrm.orderfacts.OrderFacts.class })
class ImportBenchmark {

	@TempDir
	static Path workDirectory;

	@Autowired
	private ImportManagement imports;

	@Autowired
	private javax.sql.DataSource dataSource;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
		registry.add("tiercrm.imports.max-file-size", () -> "2GB");
	}

	@Test
	void importOrders() throws Exception {
		int rows = Integer.getInteger("import.benchmark.rows", 100_000);
		int customers = Math.max(1, rows / 10);
		String prefix = "B" + UUID.randomUUID().toString().substring(0, 6) + "-";
		Path customerFile = workDirectory.resolve("customers.csv");
		try (Writer out = Files.newBufferedWriter(customerFile, StandardCharsets.UTF_8)) {
			out.write("code,name\n");
			for (int i = 0; i < customers; i++) {
				out.write(prefix + "C" + i + ",Customer " + i + "\n");
			}
		}
		ImportJob customerJob = commit(ImportKind.CUSTOMERS, customerFile);
		assertThat(customerJob.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		Path orderFile = workDirectory.resolve("orders.csv");
		try (Writer out = Files.newBufferedWriter(orderFile, StandardCharsets.UTF_8)) {
			out.write("order no,customer code,order time,amount\n");
			for (int i = 0; i < rows; i++) {
				out.write(prefix + "O" + i + "," + prefix + "C" + (i % customers) + ",2024-0" + (1 + i % 9) + "-"
						+ (10 + i % 18) + " 10:00,\"1," + (100 + i % 900) + ".50\"\n");
			}
		}
		double copySeconds = copyBaseline(orderFile);
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long start = System.nanoTime();
		ImportJob job = commit(ImportKind.ORDERS, orderFile);
		double seconds = (System.nanoTime() - start) / 1e9;
		assertThat(job.getStatus()).isEqualTo(ImportStatus.SUCCEEDED);
		assertThat(job.getCounts().inserted()).isEqualTo(rows);
		long peakHeap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
		System.out.println(String.format(Locale.ROOT,
				"{\"rows\":%d,\"seconds\":%.2f,\"rowsPerSecond\":%.0f,\"copyBaselineSeconds\":%.2f,\"peakHeapMiB\":%d}",
				rows, seconds, rows / seconds, copySeconds, peakHeap / (1024 * 1024)));
	}

	private ImportJob commit(ImportKind kind, Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return this.imports.submit(
					new ImportRequest(kind, file.getFileName().toString(), ImportMode.ATOMIC, false, null, "benchmark"),
					in);
		}
	}

	/**
	 * A bare COPY of the file into an unindexed temporary table: the floor for any
	 * import.
	 */
	private double copyBaseline(Path file) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			connection.createStatement()
				.execute("CREATE TEMPORARY TABLE import_benchmark_copy (order_no TEXT, customer_code TEXT,"
						+ " ordered_at TEXT, amount TEXT)");
			long start = System.nanoTime();
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY import_benchmark_copy FROM STDIN WITH (FORMAT csv, HEADER)", in);
			double seconds = (System.nanoTime() - start) / 1e9;
			connection.createStatement().execute("DROP TABLE import_benchmark_copy");
			return seconds;
		}
	}

}
