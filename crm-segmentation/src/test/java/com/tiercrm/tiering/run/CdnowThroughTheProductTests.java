package com.tiercrm.tiering.run;

import java.time.LocalDate;

import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.model.ClvTimeUnit;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The published BG/NBD and Gamma-Gamma estimates come out when CDNOW's transactions go
 * through the product: imported as customers and orders into PostgreSQL, summarised by
 * the run's own facts reader as of 1997-09-30 in weeks (same-day purchases are one
 * purchase day), fitted and stored with the run.
 */
@SpringBootTest
@UsePostgres
class CdnowThroughTheProductTests {

	@Autowired
	private SegmentationRuns runs;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void weeklyRunReproducesThePublishedFits() {
		TestData data = new TestData(this.jdbc);
		data.clear();
		data.cdnowSample();
		assertThat(this.jdbc.queryForObject("select count(*) from sales_orders", Long.class)).isEqualTo(6919);

		SegmentationRun run = this.runs
			.runNow(new RunRequest(LocalDate.of(1997, 9, 30), ClvTimeUnit.WEEK, RunTrigger.API, "cdnow"));

		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
		RunReport.ClvDiagnostics clv = run.report().clv();
		assertThat(clv.timeUnit()).isEqualTo("WEEK");
		assertThat(clv.fallbackUsed()).isFalse();
		assertThat(clv.buyers()).isEqualTo(2357);
		assertThat(clv.repeatBuyers()).isEqualTo(946);
		assertThat(clv.params().r()).isCloseTo(0.243, within(0.0005));
		assertThat(clv.params().alpha()).isCloseTo(4.414, within(0.0005));
		assertThat(clv.params().a()).isCloseTo(0.793, within(0.0005));
		assertThat(clv.params().b()).isCloseTo(2.426, within(0.0005));
		assertThat(clv.logLikelihood()).isCloseTo(-9582.4, within(0.05));
		assertThat(clv.params().p()).isCloseTo(6.25, within(0.005));
		assertThat(clv.params().q()).isCloseTo(3.74, within(0.005));
		assertThat(clv.params().gamma()).isCloseTo(15.44, within(0.01));

		// Customer 1 of the sample: x = 2, t_x = 30.43, T = 38.86 weeks; P(alive) =
		// 0.7266 at the published fit.
		Double alive = this.jdbc.queryForObject(
				"select s.p_alive from customer_segments s join customers c"
						+ " on c.id = s.customer_id where s.run_id = ? and c.code = 'CD0001'",
				Double.class, run.getId());
		assertThat(alive).isCloseTo(0.7266, within(0.002));
	}

}
