package com.tiercrm.tiering.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.tiering.config.ConfigConflictException;
import com.tiercrm.tiering.config.SegmentationConfig;
import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.insight.TierChange;
import com.tiercrm.tiering.model.AbcSettings;
import com.tiercrm.tiering.model.ValueMeasure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs on a real database: facts, models, bulk write and atomic publish. Subclasses pick
 * the database.
 */
@Import(PublishedRunEvents.class)
@RecordApplicationEvents
abstract class SegmentationRunsTests {

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	@Autowired
	SegmentationRuns runs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SegmentationConfigs configs;

	@Autowired
	CustomerTiers tiers;

	@Autowired
	SegmentationPreview preview;

	@Autowired
	PublishedRunEvents events;

	@Autowired
	ApplicationEvents raised;

	@Autowired
	SegmentationRunRepository runRepository;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	DatabaseDialect dialect;

	TestData data;

	@BeforeEach
	void createCustomers() {
		this.data = new TestData(this.jdbc);
		this.data.clear();
		// Ten buyers with falling value, one with only a cancelled order, one who never
		// bought.
		this.data
			.customers(List.of("K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K10", "CANCEL", "NONE"));
		for (int i = 1; i <= 10; i++) {
			String code = "K%02d".formatted(i);
			double amount = 1000.0 / i;
			for (int n = 0; n < 11 - i; n++) {
				this.data.order(code + "-" + n, code, AS_OF.minusDays(5L * i + 30L * n), amount, amount / 4,
						"COMPLETED");
			}
		}
		// Same-day orders count as one purchase day.
		this.data.order("K01-sameday", "K01", AS_OF.minusDays(5), 10, 2, "COMPLETED");
		this.data.order("CANCEL-1", "CANCEL", AS_OF.minusDays(3), 5000, 1000, "CANCELLED");
		// After the as-of date: ignored.
		this.data.order("K10-future", "K10", AS_OF.plusDays(1), 99999, 1, "COMPLETED");
	}

	@Test
	void returnsReduceRevenueButAreNoPurchases() {
		// K02 returns part of an order after its last purchase; NONE returns what it
		// bought before the data begins.
		this.data.order("K02-return", "K02", AS_OF.minusDays(1), -100.125, -25, "COMPLETED");
		this.data.order("NONE-return", "NONE", AS_OF.minusDays(2), -40, -10, "COMPLETED");
		SegmentationRun run = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, "tester"));

		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
		Map<String, Object> k02 = segmentOf(run.getId(), "K02");
		assertThat(((Number) k02.get("frequency")).intValue()).isEqualTo(9);
		assertThat(((Number) k02.get("recency_days")).intValue()).isEqualTo(10);
		assertThat(((Number) k02.get("monetary")).doubleValue()).isCloseTo(9 * 500 - 100.125, within(1e-9));
		assertThat(segmentOf(run.getId(), "NONE")).containsEntry("abc_class", "NO_PURCHASE");
		// Amounts are stored to four decimals.
		double expected = 10 - 100.125 - 40;
		for (int i = 1; i <= 10; i++) {
			expected += (11 - i) * BigDecimal.valueOf(1000.0 / i).setScale(4, RoundingMode.HALF_UP).doubleValue();
		}
		RunReport.Revenue revenue = run.report().revenue();
		assertThat(revenue.total().doubleValue()).isCloseTo(expected, within(1e-4));
		assertThat(revenue.byTier().values().stream().mapToDouble(BigDecimal::doubleValue).sum()).isCloseTo(expected,
				within(1e-4));
		assertThat(revenue.byTier().get("ABC:NO_PURCHASE").doubleValue()).isEqualTo(-40);
	}

	@Test
	void runClassifiesEveryCustomerAndPublishesAtomically() {
		assertThat(this.runs.published()).isEmpty();
		SegmentationRun run = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, "tester"));

		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run.getCustomers()).isEqualTo(12);
		assertThat(this.runs.published()).map(SegmentationRun::getId).contains(run.getId());
		RunReport report = run.report();
		assertThat(report.customers()).isEqualTo(12);
		assertThat(report.abc().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(12);
		assertThat(report.abc()).containsEntry("NO_PURCHASE", 2L);
		assertThat(report.tiers()).containsKey("ABC:A");

		Map<String, Object> top = segmentOf(run.getId(), "K01");
		assertThat(top).containsEntry("abc_class", "A").containsEntry("tier", "ABC:A");
		assertThat(((Number) top.get("frequency")).intValue()).isEqualTo(11);
		assertThat(((Number) top.get("recency_days")).intValue()).isEqualTo(5);
		assertThat(segmentOf(run.getId(), "CANCEL")).containsEntry("abc_class", "NO_PURCHASE");
		assertThat(segmentOf(run.getId(), "NONE")).containsEntry("rfm_segment", "NO_PURCHASE");
		assertThat(((Number) segmentOf(run.getId(), "K10").get("monetary")).doubleValue()).isEqualTo(100.0);
	}

	@Test
	void secondRunWhileOneIsRunningIsRefused() {
		SegmentationRun first = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		this.jdbc.update("update segmentation_state set running_run_id = ?", first.getId());
		assertThatExceptionOfType(RunInProgressException.class)
			.isThrownBy(() -> this.runs.start(new RunRequest(AS_OF, null, RunTrigger.API, null)))
			.satisfies((ex) -> assertThat(ex.runningRunId()).isEqualTo(first.getId()));
		this.jdbc.update("update segmentation_state set running_run_id = null");
	}

	@Test
	void failedRunChangesNothingUsersSee() {
		SegmentationRun good = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		// An order on a day the facts cannot represent makes the next run fail half-way.
		this.data.order("BROKEN", "K05", LocalDate.of(1800, 1, 1), 1, 1, "COMPLETED");
		SegmentationRun failed = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));

		assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
		assertThat(failed.getFailureCode()).isEqualTo("runs.failure.error");
		assertThat(this.runs.published()).map(SegmentationRun::getId).contains(good.getId());
		assertThat(this.jdbc.queryForObject("select count(*) from customer_segments where run_id = ?", Long.class,
				failed.getId()))
			.isZero();
		assertThat(this.jdbc.queryForObject("select running_run_id from segmentation_state", Long.class)).isNull();
	}

	@Test
	void everyRunRaisesOneRunFinishedWithItsStepTimingsWhenPublished() {
		SegmentationRun good = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.API, null));
		this.data.order("BROKEN", "K05", LocalDate.of(1800, 1, 1), 1, 1, "COMPLETED");
		SegmentationRun failed = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.SCHEDULE, null));

		assertThat(this.raised.stream(RunFinished.class)).satisfiesExactly((published) -> {
			assertThat(published.runId()).isEqualTo(good.getId());
			assertThat(published.status()).isEqualTo(RunStatus.SUCCEEDED);
			assertThat(published.trigger()).isEqualTo(RunTrigger.API);
			assertThat(published.customers()).isEqualTo(12);
			assertThat(published.timings()).isEqualTo(Objects.requireNonNull(good.report()).timings());
		}, (broken) -> {
			assertThat(broken.runId()).isEqualTo(failed.getId());
			assertThat(broken.status()).isEqualTo(RunStatus.FAILED);
			assertThat(broken.trigger()).isEqualTo(RunTrigger.SCHEDULE);
			assertThat(broken.timings()).isNull();
		});
	}

	@Test
	void listenersHearOfAPublishedRunOnceItIsCommittedAndNeverOfAFailedOne() {
		this.events.clear();
		SegmentationRun good = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));

		assertThat(this.events.heard())
			.containsExactly(new PublishedRunEvents.Heard(new RunPublished(good.getId(), AS_OF, 12), good.getId()));

		this.data.order("BROKEN", "K05", LocalDate.of(1800, 1, 1), 1, 1, "COMPLETED");
		SegmentationRun failed = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
		assertThat(this.events.heard()).hasSize(1);
	}

	@Test
	void aPublishedRunDeletesTheRowsOfRunsBeyondTheRetainedOnes() {
		SegmentationRun first = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		SegmentationRun second = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		RunRetention keepOne = new RunRetention(this.runRepository, this.jdbc, this.transactionManager,
				new SegmentationProperties(TestData.ZONE, "-", 1, 1000, Duration.ofMinutes(5)), this.dialect);

		keepOne.deleteOldRuns(new RunPublished(second.getId(), AS_OF, 12));

		assertThat(this.jdbc.queryForObject("select count(*) from customer_segments where run_id = ?", Long.class,
				first.getId()))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from customer_segments where run_id = ?", Long.class,
				second.getId()))
			.isEqualTo(12);
	}

	@Test
	void aRunWhoseLeaseExpiredIsMarkedFailed() {
		SegmentationRun run = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		this.jdbc.update("update segmentation_runs set status = 'RUNNING', lease_owner = 'gone', lease_expires_at = ?"
				+ " where id = ?", Timestamp.from(Instant.now().minusSeconds(1)), run.getId());
		this.jdbc.update("update segmentation_state set running_run_id = ?", run.getId());
		this.runs.recoverExpiredRuns();
		assertThat(this.runs.find(run.getId())).hasValueSatisfying((failed) -> {
			assertThat(failed.getStatus()).isEqualTo(RunStatus.FAILED);
			assertThat(failed.getFailureCode()).isEqualTo("runs.failure.interrupted");
		});
		assertThat(this.jdbc.queryForObject("select running_run_id from segmentation_state", Long.class)).isNull();
	}

	@Test
	void aRunWithALiveLeaseOfAnotherInstanceIsLeftRunning() {
		SegmentationRun run = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		this.jdbc.update("update segmentation_runs set status = 'RUNNING', lease_owner = 'other', lease_expires_at = ?"
				+ " where id = ?", Timestamp.from(Instant.now().plusSeconds(60)), run.getId());
		this.jdbc.update("update segmentation_state set running_run_id = ?", run.getId());
		try {
			this.runs.recoverExpiredRuns();
			assertThat(this.runs.find(run.getId())).map(SegmentationRun::getStatus).contains(RunStatus.RUNNING);
			assertThat(this.jdbc.queryForObject("select running_run_id from segmentation_state", Long.class))
				.isEqualTo(run.getId());
		}
		finally {
			this.jdbc.update("update segmentation_runs set status = 'FAILED' where id = ?", run.getId());
			this.jdbc.update("update segmentation_state set running_run_id = null");
		}
	}

	@Test
	void downgradeWaitsForTheConfiguredNumberOfRuns() {
		SegmentationSettings defaults = SegmentationSettings.defaults();
		this.configs.save(
				new SegmentationSettings(defaults.abc(), 0, defaults.rfm(), defaults.clv(), defaults.tierModel(), 2),
				"tester");
		SegmentationRun first = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		assertThat(segmentOf(first.getId(), "K01")).containsEntry("tier", "ABC:A");
		// K10 becomes by far the biggest customer: K01's share drops it to class C.
		this.data.order("K10-big", "K10", AS_OF.minusDays(1), 1_000_000, 1, "COMPLETED");

		SegmentationRun second = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		assertThat(segmentOf(second.getId(), "K01")).containsEntry("abc_class", "C").containsEntry("tier", "ABC:A");
		assertThat(((Number) segmentOf(second.getId(), "K01").get("downgrade_streak")).intValue()).isEqualTo(1);
		assertThat(segmentOf(second.getId(), "K10")).containsEntry("tier", "ABC:A");

		SegmentationRun third = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		assertThat(segmentOf(third.getId(), "K01")).containsEntry("tier", "ABC:C");
		assertThat(this.tiers.history(customerId("K01"))).extracting(TierHistoryEntry::tier)
			.containsExactly("ABC:A", "ABC:A", "ABC:C");
		assertThat(this.tiers.migration(first.getId(), third.getId())).containsKey("ABC:A");
		assertThat(this.tiers.downgrades(second.getId(), third.getId(), com.tiercrm.account.AccessScope.all(0), 10))
			.extracting(TierChange::code)
			.contains("K01");
	}

	@Test
	void aRunOfAnotherConfigurationCountsNoTierDropAsChurn() {
		SegmentationRun first = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		SegmentationSettings defaults = SegmentationSettings.defaults();
		// By share of customers, half of the buyers land in C: a drop the thresholds
		// made.
		this.configs.save(new SegmentationSettings(AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.2, 0.3), 0,
				defaults.rfm(), defaults.clv(), defaults.tierModel(), 1), "tester");
		SegmentationRun second = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		assertThat(second.getConfigId()).isNotEqualTo(first.getConfigId());

		List<Map<String, Object>> cohorts = this.jdbc.queryForList(
				"select tier_code, below_threshold, dropped_to_lowest, churned from run_churn_cohorts where run_id = ?",
				second.getId());
		assertThat(cohorts.stream().mapToLong((c) -> ((Number) c.get("dropped_to_lowest")).longValue()).sum())
			.isPositive();
		assertThat(cohorts)
			.allSatisfy((c) -> assertThat(((Number) c.get("churned")).longValue()).as("churn of %s", c.get("tier_code"))
				.isEqualTo(((Number) c.get("below_threshold")).longValue()));
	}

	@Test
	void previewShowsEditedCutsAgainstThePublishedTiersWithoutPublishing() {
		SegmentationRun published = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		SegmentationSettings defaults = SegmentationSettings.defaults();
		SegmentationSettings byCount = new SegmentationSettings(
				AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.2, 0.3), 0, defaults.rfm(), defaults.clv(),
				defaults.tierModel(), 1);

		PreviewResult preview = this.preview.preview(byCount, AS_OF);

		assertThat(preview.customers()).isEqualTo(12);
		assertThat(preview.tiers()).containsEntry("ABC:A", 2L).containsEntry("ABC:B", 3L).containsEntry("ABC:C", 5L);
		assertThat(preview.revenueShares().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
				within(1e-9));
		long fromA = published.report().tiers().get("ABC:A");
		assertThat(preview.migration().get("ABC:A").values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(fromA);
		assertThat(this.runs.published()).map(SegmentationRun::getId).contains(published.getId());
		assertThat(this.runs.recent()).hasSize(1);
	}

	@Test
	void savingFromAnOutdatedVersionIsRefusedAndTheNextRunUsesTheNewestVersion() {
		SegmentationConfig base = this.configs.current();
		SegmentationSettings defaults = SegmentationSettings.defaults();
		SegmentationSettings mine = new SegmentationSettings(
				new AbcSettings(ValueMeasure.REVENUE, com.tiercrm.tiering.model.AbcCutMode.VALUE_SHARE, 0.5, 0.8), 0,
				defaults.rfm(), defaults.clv(), defaults.tierModel(), 1);
		SegmentationConfig saved = this.configs.save(mine, base.getId(), "first");
		assertThat(saved.getId()).isGreaterThan(base.getId());
		assertThat(saved.getCreatedBy()).isEqualTo("first");

		assertThatExceptionOfType(ConfigConflictException.class)
			.isThrownBy(() -> this.configs.save(defaults, base.getId(), "second"))
			.satisfies((ex) -> assertThat(ex.current().getId()).isEqualTo(saved.getId()));
		assertThat(this.configs.current().getId()).isEqualTo(saved.getId());

		SegmentationRun run = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		assertThat(run.getConfigId()).isEqualTo(saved.getId());
		assertThat(run.report().tiers()).isEqualTo(this.preview.preview(mine, AS_OF).tiers());
	}

	long customerId(String code) {
		return this.jdbc.queryForObject("select id from customers where code = ?", Long.class, code);
	}

	Map<String, Object> segmentOf(long runId, String code) {
		return this.jdbc.queryForMap("select s.* from customer_segments s join customers c on c.id = s.customer_id"
				+ " where s.run_id = ? and c.code = ?", runId, code);
	}

}
