package com.tiercrm.tiering.insight;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.tiercrm.account.AccessScope;
import com.tiercrm.tiering.run.CustomerTiers;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The run aggregates behind the dashboard, computed by the run in memory and checked
 * against the per-customer rows and the orders they come from. Subclasses pick the
 * database.
 */
abstract class RunDashboardsTests {

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	@Autowired
	SegmentationRuns runs;

	@Autowired
	RunDashboards dashboards;

	@Autowired
	CustomerTiers tiers;

	@Autowired
	JdbcTemplate jdbc;

	TestData data;

	@BeforeEach
	void createCustomers() {
		this.data = new TestData(this.jdbc);
		this.data.clear();
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
		this.data.order("CANCEL-1", "CANCEL", AS_OF.minusDays(3), 5000, 1000, "CANCELLED");
		this.data.order("K10-future", "K10", AS_OF.plusDays(1), 99999, 1, "COMPLETED");
		interaction("K01", AS_OF.minusDays(2), 5);
		interaction("K01", AS_OF.minusDays(1), 4);
		interaction("K10", AS_OF.minusDays(1), 2);
		interaction("K10", AS_OF.plusDays(2), 1);
	}

	@Test
	void aggregatesAddUpToThePerCustomerRowsAndTheOrders() {
		SegmentationRun run = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).as(run.getFailureCode()).isEqualTo(RunStatus.SUCCEEDED);

		RunDashboard dashboard = this.dashboards.published(AccessScope.all(1), 50).orElseThrow();
		assertThat(dashboard.run().id()).isEqualTo(run.getId());
		assertThat(dashboard.customers()).isEqualTo(12);
		assertThat(dashboard.tiers()).extracting(GroupStats::code).startsWith("ABC:A").contains("ABC:NO_PURCHASE");
		double revenue = this.jdbc.queryForObject("select sum(monetary) from customer_segments where run_id = ?",
				Double.class, run.getId());
		assertThat(dashboard.revenue()).isCloseTo(revenue, within(1e-6));
		// Profit is a quarter of the completed revenue up to the as-of date, in cents.
		assertThat(dashboard.profit()).isCloseTo(revenue / 4, within(0.1));
		assertThat(dashboard.segments().stream().mapToLong(GroupStats::customers).sum()).isEqualTo(12);
		GroupStats a = dashboard.tiers().get(0);
		assertThat(a.averageSatisfaction()).isCloseTo(4.5, within(1e-9));
		long buyers = dashboard.tiers().stream().mapToLong(GroupStats::buyers).sum();
		long repeat = dashboard.tiers().stream().mapToLong(GroupStats::repeatBuyers).sum();
		assertThat(buyers).isEqualTo(10);
		assertThat(repeat).isEqualTo(9);
		double clv = this.jdbc.queryForObject("select sum(clv_predicted) from customer_segments where run_id = ?",
				Double.class, run.getId());
		assertThat(dashboard.tiers().stream().mapToDouble(GroupStats::clvPredictedSum).sum()).isCloseTo(clv,
				within(1e-6));

		assertThat(dashboard.lorenz().get(0)).isEqualTo(new RunDashboard.LorenzPoint(0, 0));
		RunDashboard.LorenzPoint last = dashboard.lorenz().get(dashboard.lorenz().size() - 1);
		assertThat(last.customerShare()).isCloseTo(1, within(1e-9));
		assertThat(last.revenueShare()).isCloseTo(1, within(1e-9));
		// Twelve customers: each is a point; the biggest holds 1000 * 10 of the revenue.
		assertThat(dashboard.lorenz()).hasSize(13);
		assertThat(dashboard.lorenz().get(1).revenueShare()).isCloseTo(10_000 / revenue, within(1e-9));
		assertThat(dashboard.rfmCells().stream().mapToLong(RunDashboard.RfmCell::customers).sum()).isEqualTo(10);
		assertThat(dashboard.previous()).isNull();
		assertThat(dashboard.migration()).isEmpty();
	}

	@Test
	void secondRunStoresTheMigrationAndTheDowngradesByOwner() {
		SegmentationRun first = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		this.data.order("K10-big", "K10", AS_OF.minusDays(1), 1_000_000, 1, "COMPLETED");
		// One customer is gone from the second run.
		this.jdbc.update("delete from customers where code = 'NONE'");
		SegmentationRun second = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));

		RunDashboard dashboard = this.dashboards.published(AccessScope.all(1), 50).orElseThrow();
		assertThat(dashboard.run().id()).isEqualTo(second.getId());
		assertThat(dashboard.previous()).isNotNull();
		assertThat(dashboard.previous().id()).isEqualTo(first.getId());
		Map<String, Map<String, Long>> expected = this.tiers.migration(first.getId(), second.getId());
		assertThat(dashboard.migration()).hasSize(expected.values().stream().mapToInt(Map::size).sum());
		assertThat(expected.get("ABC:NO_PURCHASE")).containsEntry("GONE", 1L);
		for (RunDashboard.MigrationCell cell : dashboard.migration()) {
			assertThat(expected.get(cell.fromTier())).containsEntry(cell.toTier(), cell.customers());
		}
		List<TierChange> downgrades = this.tiers.downgrades(first.getId(), second.getId(), AccessScope.all(1), 50);
		assertThat(downgrades).isNotEmpty();
		assertThat(dashboard.downgrades()).isEqualTo(downgrades);
		// Nobody owns these customers: a rep's scope sees none of them.
		assertThat(this.dashboards.published(AccessScope.own(4242), 50).orElseThrow().downgrades()).isEmpty();

		List<TierMetrics> history = this.dashboards.tierHistory();
		assertThat(history).extracting(TierMetrics::runId).containsOnly(first.getId(), second.getId());
		assertThat(history.stream()
			.filter((m) -> m.runId() == first.getId())
			.mapToLong((m) -> m.stats().customers())
			.sum()).isEqualTo(12);
		RunDashboards.BeforeAfter around = this.dashboards.around("ABC:A", second.getStartedAt().minusNanos(1000));
		assertThat(around.before()).isNotNull();
		assertThat(around.before().runId()).isEqualTo(first.getId());
		assertThat(around.after()).isNotNull();
		assertThat(around.after().runId()).isEqualTo(second.getId());
	}

	private void interaction(String code, LocalDate day, int satisfaction) {
		new TestData(this.jdbc).interaction(code, day.atTime(LocalTime.NOON).atZone(TestData.ZONE).toInstant(),
				satisfaction);
	}

}
