package com.tiercrm.tiering.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.IntStream;

import com.tiercrm.imports.ImportJob;
import com.tiercrm.imports.ImportKind;
import com.tiercrm.imports.ImportManagement;
import com.tiercrm.imports.ImportMode;
import com.tiercrm.imports.ImportRequest;
import com.tiercrm.imports.ImportStatus;
import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.GammaGammaFit;
import com.tiercrm.tiering.model.GammaGammaFitter;
import com.tiercrm.tiering.model.SyntheticCustomers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A customer base whose orders are worth tens of thousands keeps its CLV model: 20,000
 * customers drawn from BG/NBD and Gamma-Gamma (the parameters, amounts × 100) are
 * imported as CSV files, run in days through the product on PostgreSQL, and both fits
 * converge with the parameters the model gives on the same data in memory; then the
 * configuration switches to MBG/NBD and one-time buyers are no longer certainly alive.
 */
@SpringBootTest
@UsePostgres
class SyntheticBaseThroughTheProductTests {

	private static final LocalDate DAY_ZERO = LocalDate.of(2023, 1, 1);

	private static final double SCALE = 100;

	@TempDir
	static Path workDirectory;

	@Autowired
	private ImportManagement imports;

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private SegmentationConfigs configs;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("tiercrm.imports.work-directory", workDirectory::toString);
	}

	@Test
	void amountsInTheTensOfThousandsConvergeThroughImportAndRun() throws IOException {
		new TestData(this.jdbc).clear();
		SyntheticCustomers base = SyntheticCustomers.draw(20_000, 730, 1095, 20261207L);
		StringBuilder customers = new StringBuilder("code,name\n");
		StringBuilder orders = new StringBuilder("order no,customer code,order time,amount,status\n");
		long[] cents = new long[1];
		for (SyntheticCustomers.Customer customer : base.customers()) {
			customers.append("SYN").append(customer.id()).append(",Synthetic ").append(customer.id()).append('\n');
			for (int k = 0; k < customer.days().length; k++) {
				long amount = Math.round(customer.amounts()[k] * SCALE * 100);
				cents[0] += amount;
				orders.append("SYN")
					.append(customer.id())
					.append('-')
					.append(k + 1)
					.append(",SYN")
					.append(customer.id())
					.append(',')
					.append(DAY_ZERO.plusDays(customer.days()[k]))
					.append(" 12:00,")
					.append(amount / 100)
					.append('.')
					.append(String.format("%02d", amount % 100))
					.append(",completed\n");
			}
		}
		assertThat(submit(ImportKind.CUSTOMERS, customers).getCounts().inserted()).isEqualTo(20_000);
		assertThat(submit(ImportKind.ORDERS, orders).getCounts().inserted()).isEqualTo(base.purchaseDays());
		double meanOrder = cents[0] / 100.0 / base.purchaseDays();
		assertThat(meanOrder).isBetween(10_000.0, 100_000.0);

		LocalDate asOf = DAY_ZERO.plusDays(base.observationDays());
		SegmentationRun run = this.runs.runNow(new RunRequest(asOf, ClvTimeUnit.DAY, RunTrigger.API, "synthetic"));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
		RunReport.ClvDiagnostics clv = run.report().clv();
		assertThat(clv.fallbackUsed()).isFalse();
		assertThat(clv.spendFallbackReason()).isNull();
		assertThat(clv.converged()).isTrue();
		assertThat(clv.purchaseModel()).isEqualTo("BG_NBD");
		assertThat(clv.buyers()).isEqualTo(20_000);
		assertThat(clv.params().r()).isCloseTo(0.6, within(0.06));
		assertThat(clv.params().alpha()).isCloseTo(40, within(4.0));
		// the spend fit equals the in-memory fit of the unrounded amounts
		int[] allX = base.customers().stream().mapToInt((c) -> c.days().length - 1).toArray();
		int[] repeat = IntStream.range(0, allX.length).filter((i) -> allX[i] > 0).toArray();
		double[] meanSpend = base.customers().stream().mapToDouble((c) -> {
			double sum = 0;
			for (int k = 1; k < c.amounts().length; k++) {
				sum += c.amounts()[k] * SCALE;
			}
			return (c.amounts().length > 1) ? sum / (c.amounts().length - 1) : 0;
		}).toArray();
		GammaGammaFit inMemory = GammaGammaFitter.fit(Arrays.stream(repeat).map((i) -> allX[i]).toArray(),
				Arrays.stream(repeat).mapToDouble((i) -> meanSpend[i]).toArray());
		assertThat(inMemory.parameters()).isNotNull();
		assertThat(clv.params().p()).isCloseTo(inMemory.parameters().p(), within(1e-4 * inMemory.parameters().p()));
		assertThat(clv.params().q()).isCloseTo(inMemory.parameters().q(), within(1e-4 * inMemory.parameters().q()));
		assertThat(clv.params().gamma()).isCloseTo(inMemory.parameters().gamma(),
				within(1e-4 * inMemory.parameters().gamma()));
		assertThat(clv.params().gamma() / SCALE).isCloseTo(SyntheticCustomers.SPEND.gamma(), within(10.0));
		assertThat(count("select count(*) from customer_segments where run_id = ? and p_alive is null", run)).isZero();
		assertThat(count(
				"select count(*) from customer_segments where run_id = ? and clv_method <> 'BG_NBD_GAMMA_GAMMA'", run))
			.isZero();
		// BG/NBD: a one-time buyer is certainly alive
		String oneTime = "select min(s.p_alive) from customer_segments s where s.run_id = ? and s.customer_id in"
				+ " (select customer_id from sales_orders group by customer_id having count(*) = 1)";
		assertThat(this.jdbc.queryForObject(oneTime, Double.class, run.getId())).isEqualTo(1.0);

		SegmentationSettings current = this.configs.current().settings();
		this.configs.save(new SegmentationSettings(current.abc(), current.abcWindowMonths(), current.rfm(),
				current.clv().withPurchaseModel(ClvPurchaseModel.MBG_NBD), current.tierModel(),
				current.downgradeAfterRuns()), "test");
		SegmentationRun modified = this.runs
			.runNow(new RunRequest(asOf, ClvTimeUnit.DAY, RunTrigger.API, "synthetic-mbg"));
		assertThat(modified.getStatus()).as(modified.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
		RunReport.ClvDiagnostics mbg = modified.report().clv();
		assertThat(mbg.purchaseModel()).isEqualTo("MBG_NBD");
		assertThat(mbg.converged()).isTrue();
		assertThat(this.jdbc.queryForObject(oneTime.replace("min(", "max("), Double.class, modified.getId()))
			.isLessThan(1.0);
		assertThat(
				count("select count(*) from customer_segments where run_id = ? and clv_method <> 'MBG_NBD_GAMMA_GAMMA'",
						modified))
			.isZero();
	}

	private ImportJob submit(ImportKind kind, CharSequence content) throws IOException {
		ImportJob job = this.imports.submit(
				new ImportRequest(kind, kind.pathName() + ".csv", ImportMode.ATOMIC, false, null, "admin"),
				new ByteArrayInputStream(content.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(job.getStatus()).as(job.getFailureKey()).isEqualTo(ImportStatus.SUCCEEDED);
		return job;
	}

	private long count(String sql, SegmentationRun run) {
		Long count = this.jdbc.queryForObject(sql, Long.class, run.getId());
		return (count != null) ? count : -1;
	}

}
