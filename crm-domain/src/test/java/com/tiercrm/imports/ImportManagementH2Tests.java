package com.tiercrm.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

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
 * The embedded H2 database (the default installation) runs the same SQL.
 */
@SpringBootTest(classes = DomainTestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:imports;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.jpa.hibernate.ddl-auto=validate" })
@Import({ ImportConfiguration.class, ImportManagement.class, ReferenceData.class, DatabaseDialect.class, Leases.class,
		com.tiercrm.orderfacts.OrderFacts.class })
class ImportManagementH2Tests {

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
	void importsCustomersOrdersAndInteractionsTwiceWithTheSameResult() throws IOException {
		String customers = "客户编号,客户名称\nH1,杭州戊己有限公司\n";
		String orders = "订单编号,客户编号,下单时间,金额\nHO1,H1,2024-01-05 10:00,\"1,000.00\"\n";
		String interactions = "客户编号,互动类型,时间,满意度\nH1,拜访,2024-01-06,5\n";
		for (int round = 0; round < 2; round++) {
			int inserted = (round == 0) ? 1 : 0;
			int unchanged = 1 - inserted;
			assertThat(submit(ImportKind.CUSTOMERS, customers).getCounts())
				.isEqualTo(new ImportCounts(1, 1, 0, inserted, 0, unchanged));
			assertThat(submit(ImportKind.ORDERS, orders).getCounts())
				.isEqualTo(new ImportCounts(1, 1, 0, inserted, 0, unchanged));
			assertThat(submit(ImportKind.INTERACTIONS, interactions).getCounts())
				.isEqualTo(new ImportCounts(1, 1, 0, inserted, 0, unchanged));
		}
		assertThat(this.imports.recent())
			.filteredOn((job) -> !job.getFileName().equals("c.csv") && !job.getFileName().startsWith("european"))
			.hasSize(6)
			.allMatch((job) -> job.getStatus() == ImportStatus.SUCCEEDED);
	}

	@Test
	void readsDayFirstDatesAndDecimalCommasAndRefusesDatesThatCouldBeEither() throws IOException {
		submit(ImportKind.CUSTOMERS, "客户编号,客户名称\nE1,Europa GmbH\n", "european-customers.csv");
		ImportJob european = submit(ImportKind.ORDERS,
				"order no;customer code;order time;amount\nEO1;E1;13.12.2010 08:26;1.234,56\nEO2;E1;01.12.2010;-12,5\n",
				"european-orders.csv");
		assertThat(european.getCounts()).isEqualTo(new ImportCounts(2, 2, 0, 2, 0, 0));
		assertThat(european.getDatesReadAs()).isEqualTo(DateOrder.DAY_FIRST);
		assertThat(european.getDecimalsReadAs()).isEqualTo(DecimalMark.COMMA);
		ImportJob ambiguous = submit(ImportKind.ORDERS,
				"order no,customer code,order time,amount\nEO3,E1,01/02/2011,5\n", "european-ambiguous.csv");
		assertThat(ambiguous.getStatus()).isEqualTo(ImportStatus.REJECTED);
		assertThat(ambiguous.getFailureKey()).isEqualTo("import.file.dateOrderAmbiguous");
	}

	@Test
	void aStatusForAMergedCustomerIsARowError() throws IOException {
		submit(ImportKind.CUSTOMERS, "code,name\nM1,Kept Ltd\nM2,Merged Ltd\nM3,Other Ltd\n", "merged-setup.csv");
		this.jdbc.update("UPDATE customers SET status = 'MERGED', merged_into_id = (SELECT id FROM customers"
				+ " WHERE code = 'M1') WHERE code = 'M2'");
		ImportJob job = this.imports.submit(
				new ImportRequest(ImportKind.CUSTOMERS, "merged.csv", ImportMode.SKIP_INVALID, false, null, "admin"),
				new ByteArrayInputStream(
						"code,name,status\nM2,Merged Ltd,active\nM3,Other Ltd,停用\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(job.getCounts()).isEqualTo(new ImportCounts(2, 1, 1, 0, 1, 0));
		assertThat(this.imports.errors(job.id(), 10)).extracting(RowError::row, RowError::column, RowError::reasonKey)
			.containsExactly(tuple(2L, "status", "import.error.mergedCustomer"));
		assertThat(this.jdbc.queryForList("SELECT status FROM customers WHERE code IN ('M2', 'M3') ORDER BY code",
				String.class))
			.containsExactly("MERGED", "INACTIVE");
	}

	@Test
	void startedJobsFinishInTheBackground() throws IOException {
		ImportJob job = this.imports.start(
				new ImportRequest(ImportKind.CUSTOMERS, "c.csv", ImportMode.ATOMIC, true, null, "admin"),
				new ByteArrayInputStream("code,name\nH2,Beta\n".getBytes(StandardCharsets.UTF_8)));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.imports.find(job.id()).orElseThrow().getStatus() == ImportStatus.SUCCEEDED);
		assertThat(this.imports.find(job.id()).orElseThrow().getProcessedRows()).isEqualTo(1);
	}

	private ImportJob submit(ImportKind kind, String content) throws IOException {
		return submit(kind, content, kind.pathName() + ".csv");
	}

	private ImportJob submit(ImportKind kind, String content, String fileName) throws IOException {
		return this.imports.submit(new ImportRequest(kind, fileName, ImportMode.ATOMIC, false, null, "admin"),
				new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

}
