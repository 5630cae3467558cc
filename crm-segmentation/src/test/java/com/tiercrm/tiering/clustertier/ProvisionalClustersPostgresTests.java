package com.tiercrm.tiering.clustertier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.testing.UsePostgres;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.ClvResult;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.run.CurrentFacts;
import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A customer who came in after a CLUSTER run on P(alive), the predicted value and the
 * interactions is placed with the run's CLV parameters and the run's window, on
 * PostgreSQL: the CDNOW sample clustered weekly as of 1998-06-30 with a 12-month window.
 */
@SpringBootTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@UsePostgres
class ProvisionalClustersPostgresTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SegmentationRuns runs;

	@Autowired
	SegmentationConfigs configs;

	@Autowired
	ProvisionalClusters clusters;

	@Autowired
	CurrentFacts facts;

	@Test
	void aCustomerPlacedAfterTheRunHasTheRunsPAliveAndValueAndInteractionsInItsWindow() {
		TestData data = new TestData(this.jdbc);
		data.clear();
		data.cdnowSample();
		// Calls in the run's window for a third of them (two for a sixth), and older ones
		// outside it for a fifth.
		this.jdbc.update("insert into interactions (customer_id, type, occurred_at)"
				+ " select id, 'CALL', timestamp with time zone '1998-03-01 12:00:00+08' from customers"
				+ " where mod(id, 3) = 0 union all select id, 'CALL', timestamp with time zone '1998-04-01 12:00:00+08'"
				+ " from customers where mod(id, 6) = 0 union all select id, 'CALL',"
				+ " timestamp with time zone '1996-01-01 12:00:00+08' from customers where mod(id, 5) = 0");
		SegmentationSettings defaults = SegmentationSettings.defaults();
		SegmentationSettings settings = new SegmentationSettings(defaults.abc(), 12, defaults.rfm(), defaults.clv(),
				"CLUSTER", 1, Map.of("CLUSTER",
						Map.of("k", 3, "usePAlive", 1, "usePredictedClv", 1, "useInteractions", 1, "useTenure", 0)));
		this.configs.save(settings, "provisional-test");
		SegmentationRun run = this.runs
			.runNow(new RunRequest(LocalDate.of(1998, 6, 30), ClvTimeUnit.WEEK, RunTrigger.API, "provisional"));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
		// Came in since: three orders in the last seven months, two calls in the last
		// year and three more than two years ago.
		data.customers(List.of("LATE"));
		LocalDate today = LocalDate.now(TestData.ZONE);
		data.order("LATE-1", "LATE", today.minusDays(200), 40, 40, "COMPLETED");
		data.order("LATE-2", "LATE", today.minusDays(100), 60, 60, "COMPLETED");
		data.order("LATE-3", "LATE", today.minusDays(20), 50, 50, "COMPLETED");
		Instant now = Instant.now();
		for (int days : new int[] { 30, 90, 800, 900, 1000 }) {
			data.interaction("LATE", now.minus(Duration.ofDays(days)), null);
		}
		long id = this.jdbc.queryForObject("select id from customers where code = 'LATE'", Long.class);

		Discriminant.Placement placement = this.clusters.placeCustomer(id).orElseThrow();

		assertThat(placement.provisional()).isTrue();
		assertThat(placement.missingVariables()).isEmpty();
		RunReport report = this.runs.find(run.getId()).orElseThrow().report();
		assertThat(report).isNotNull();
		CustomerFacts customer = this.facts.of(id);
		ClvResult clv = ProvisionalClusters.clvOf(customer, settings.clv(), report.clv().fit(), false,
				() -> Double.NaN);
		assertThat(clv).isNotNull();
		assertThat(clv.probabilityAlive()).isBetween(0.5, 1.0);
		assertThat(clv.predictedValue()).isPositive();
		Discriminant discriminant = this.clusters.published().orElseThrow();
		Map<String, Double> values = new HashMap<>(discriminant.values(customer));
		values.put("pAlive", clv.probabilityAlive());
		values.put("predictedClv", clv.predictedValue());
		values.put("interactions", 2.0);
		Discriminant.Placement expected = discriminant.place(values);
		assertThat(placement.classCode()).isEqualTo(expected.classCode());
		// Compared as log posteriors: the probabilities of the other clusters are tiny.
		for (String code : expected.probabilities().keySet()) {
			assertThat(Math.log(placement.probabilities().get(code))).as(code)
				.isCloseTo(Math.log(expected.probabilities().get(code)), within(1e-6));
		}
		// Counted over all time, the calls would weigh otherwise.
		values.put("interactions", 5.0);
		Map<String, Double> allTime = discriminant.place(values).probabilities();
		assertThat(expected.probabilities().keySet()).anySatisfy((code) -> assertThat(
				Math.abs(Math.log(allTime.get(code)) - Math.log(expected.probabilities().get(code))))
			.isGreaterThan(0.01));
		// Without Gamma-Gamma a run gives its one-time buyers the repeat buyers' mean
		// spend, which the placement reads back from the run's rows: none in this run
		// (Gamma-Gamma was fitted), then one after rewriting a one-time buyer's row so.
		assertThat(this.clusters.oneTimeBuyersSpend(run.getId())).isNaN();
		int rewritten = this.jdbc.update("update customer_segments set clv_method = 'BG_NBD_OWN_SPEND',"
				+ " clv_reason = replace(clv_reason, 'clv.reason.model-one-time', 'clv.reason.model-own-spend-one-time'),"
				+ " expected_spend = 12.5 where run_id = ? and clv_reason like 'clv.reason.model-one-time|%'",
				run.getId());
		assertThat(rewritten).isPositive();
		assertThat(this.clusters.oneTimeBuyersSpend(run.getId())).isEqualTo(12.5);
	}

}
