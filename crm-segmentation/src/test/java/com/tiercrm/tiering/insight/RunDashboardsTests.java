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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

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

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	OwnerFigures ownerFigures;

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

	@Test
	void aRepAndAManagerSeeTheFiguresOfTheCustomersTheyOwnNow() {
		String prefix = "D" + java.util.UUID.randomUUID().toString().substring(0, 8);
		long manager = user(prefix + "-mgr", "MANAGER", null);
		this.jdbc.update("insert into teams (name, manager_id) values (?, ?)", prefix, manager);
		long team = this.jdbc.queryForObject("select id from teams where name = ?", Long.class, prefix);
		long rep = user(prefix + "-rep", "SALES_REP", team);
		long otherRep = user(prefix + "-rep2", "SALES_REP", team);
		this.jdbc.update("update customers set owner_id = ?", otherRep);
		this.jdbc.update("update customers set owner_id = ? where code in ('K01', 'K04', 'K09', 'NONE')", rep);
		SegmentationRun first = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		this.data.order("K09-big", "K09", AS_OF.minusDays(1), 1_000_000, 1, "COMPLETED");
		SegmentationRun second = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		assertThat(second.getStatus()).isEqualTo(RunStatus.SUCCEEDED);

		// The manager's teams own every customer: their figures are the company's.
		RunDashboard company = this.dashboards.published(AccessScope.all(1), 50).orElseThrow();
		RunDashboard teams = this.dashboards.published(AccessScope.team(manager), 50).orElseThrow();
		assertThat(company.scope()).isEqualTo(AccessScope.Kind.ALL);
		assertThat(teams.scope()).isEqualTo(AccessScope.Kind.TEAM);
		assertThat(teams.previous().id()).isEqualTo(first.getId());
		assertThat(teams.tiers()).extracting(GroupStats::code)
			.containsExactlyElementsOf(company.tiers().stream().map(GroupStats::code).toList());
		for (int i = 0; i < company.tiers().size(); i++) {
			GroupStats expected = company.tiers().get(i);
			GroupStats actual = teams.tiers().get(i);
			assertThat(actual.customers()).isEqualTo(expected.customers());
			assertThat(actual.revenue()).isCloseTo(expected.revenue(), within(1e-6));
			assertThat(actual.profit()).isCloseTo(expected.profit(), within(1e-6));
			assertThat(actual.clvPredictedSum()).isCloseTo(expected.clvPredictedSum(), within(1e-6));
			assertThat(actual.buyers()).isEqualTo(expected.buyers());
			assertThat(actual.repeatBuyers()).isEqualTo(expected.repeatBuyers());
		}
		assertThat(teams.segments()).extracting(GroupStats::code, GroupStats::customers)
			.containsExactlyInAnyOrderElementsOf(company.segments()
				.stream()
				.map((g) -> org.assertj.core.groups.Tuple.tuple(g.code(), g.customers()))
				.toList());
		assertThat(teams.rfmCells())
			.extracting(RunDashboard.RfmCell::recencyScore, RunDashboard.RfmCell::frequencyScore,
					RunDashboard.RfmCell::customers)
			.containsExactlyElementsOf(company.rfmCells()
				.stream()
				.map((c) -> org.assertj.core.groups.Tuple.tuple(c.recencyScore(), c.frequencyScore(), c.customers()))
				.toList());
		assertThat(teams.migration()).containsExactlyInAnyOrderElementsOf(company.migration());
		assertThat(teams.lorenz()).hasSameSizeAs(company.lorenz());
		for (int i = 0; i < company.lorenz().size(); i++) {
			assertThat(teams.lorenz().get(i).customerShare()).isCloseTo(company.lorenz().get(i).customerShare(),
					within(1e-9));
			assertThat(teams.lorenz().get(i).revenueShare()).isCloseTo(company.lorenz().get(i).revenueShare(),
					within(1e-9));
		}

		// The rep sees their four customers, K09 moved up a tier since the previous run.
		RunDashboard own = this.dashboards.published(AccessScope.own(rep), 50).orElseThrow();
		assertThat(own.scope()).isEqualTo(AccessScope.Kind.OWN);
		assertThat(own.customers()).isEqualTo(4);
		double revenue = this.jdbc
			.queryForObject("select sum(s.revenue) from customer_segments s join customers c on c.id = s.customer_id"
					+ " where s.run_id = ? and c.owner_id = ?", Double.class, second.getId(), rep);
		assertThat(own.revenue()).isCloseTo(revenue, within(1e-6));
		assertThat(own.migration().stream().mapToLong(RunDashboard.MigrationCell::customers).sum()).isEqualTo(4);
		String k09Tier = this.jdbc.queryForObject(
				"select s.tier from customer_segments s join customers c"
						+ " on c.id = s.customer_id where s.run_id = ? and c.code = 'K09'",
				String.class, second.getId());
		assertThat(own.migration()).anySatisfy((cell) -> assertThat(cell.toTier()).isEqualTo(k09Tier));
		assertThat(own.lorenz().getLast().customerShare()).isCloseTo(1, within(1e-9));
		assertThat(own.lorenz().get(1).revenueShare()).isGreaterThan(0.9);

		// Customers move: the rep's figures follow at once, without another run.
		this.jdbc.update("update customers set owner_id = ? where code = 'K09'", otherRep);
		this.ownerFigures.ownersChanged(List.of(rep, otherRep));
		assertThat(this.dashboards.published(AccessScope.own(rep), 50).orElseThrow().customers()).isEqualTo(3);
		assertThat(this.dashboards.published(AccessScope.own(4242), 50).orElseThrow().customers()).isZero();
	}

	@Test
	void theFiguresStoredPerOwnerAreThoseOfTheirCustomersRowsBeforeAndAfterCustomersMove() {
		this.data.clear();
		this.data.cdnowSample();
		String prefix = "F" + java.util.UUID.randomUUID().toString().substring(0, 8);
		long manager = user(prefix + "-mgr", "MANAGER", null);
		this.jdbc.update("insert into teams (name, manager_id) values (?, ?)", prefix, manager);
		long team = this.jdbc.queryForObject("select id from teams where name = ?", Long.class, prefix);
		long rep = user(prefix + "-rep", "SALES_REP", team);
		long otherRep = user(prefix + "-rep2", "SALES_REP", team);
		long outsider = user(prefix + "-out", "SALES_REP", null);
		this.jdbc.update("update customers set owner_id = case mod(id, 4) when 0 then ? when 1 then ?"
				+ " when 2 then ? else ? end", rep, otherRep, manager, outsider);
		this.jdbc.update("update customers set owner_id = null where mod(id, 50) = 7");
		SegmentationRun first = this.runs
			.runNow(new RunRequest(LocalDate.of(1997, 12, 31), null, RunTrigger.MANUAL, null));
		SegmentationRun second = this.runs
			.runNow(new RunRequest(LocalDate.of(1998, 6, 30), null, RunTrigger.MANUAL, null));
		assertThat(second.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		List<AccessScope> scopes = List.of(AccessScope.own(rep), AccessScope.own(otherRep), AccessScope.own(manager),
				AccessScope.own(outsider), AccessScope.team(manager), AccessScope.own(4242));
		for (AccessScope scope : scopes) {
			assertSameFigures(second.getId(), first.getId(), scope);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from owner_figures where run_id = ?", Long.class,
				first.getId()))
			.isZero();
		// The rows the run added up in memory are those the set-based statements write
		// over the run's rows, row for row and band for band.
		Map<String, double[]> computedByTheRun = storedOwnerRows(second.getId());
		assertThat(computedByTheRun).hasSizeGreaterThan(1000);
		assertThat(computedByTheRun.keySet()).anyMatch((key) -> key.startsWith("F|"))
			.anyMatch((key) -> key.startsWith("B|"))
			.anyMatch((key) -> key.startsWith("F|") && !key.endsWith("|null"));
		this.ownerFigures.allOwnersChanged();
		assertSameRows(computedByTheRun, storedOwnerRows(second.getId()));

		// A third of the rep's customers move to the other rep: stale until the two are
		// rewritten, then equal again.
		this.jdbc.update("update customers set owner_id = ? where owner_id = ? and mod(id, 3) = 0", otherRep, rep);
		assertThat(customers(ScopedFigures.stored(this.named, second.getId(), first.getId(), AccessScope.own(rep))))
			.isGreaterThan(
					customers(ScopedFigures.read(this.named, second.getId(), first.getId(), AccessScope.own(rep))));
		this.ownerFigures.ownersChanged(java.util.Arrays.asList(rep, otherRep, null));
		for (AccessScope scope : scopes) {
			assertSameFigures(second.getId(), first.getId(), scope);
		}
		// Every owner rewritten, as after a customer import: in place of the stored rows.
		this.jdbc.update("update customers set owner_id = ? where owner_id = ? and mod(id, 5) = 0", manager, outsider);
		this.ownerFigures.allOwnersChanged();
		for (AccessScope scope : scopes) {
			assertSameFigures(second.getId(), first.getId(), scope);
		}
		assertThat(this.dashboards.published(AccessScope.own(rep), 50).orElseThrow().customers())
			.isEqualTo(this.jdbc.queryForObject(
					"select count(*) from customer_segments s join customers c"
							+ " on c.id = s.customer_id where s.run_id = ? and c.owner_id = ?",
					Long.class, second.getId(), rep));
	}

	/**
	 * The figures added up from the owners' stored rows against those aggregated over the
	 * run's rows: equal, but for a team's Lorenz curve, merged from the owners' bands.
	 */
	private void assertSameFigures(long runId, long previousRunId, AccessScope scope) {
		ScopedFigures stored = ScopedFigures.stored(this.named, runId, previousRunId, scope);
		ScopedFigures read = ScopedFigures.read(this.named, runId, previousRunId, scope);
		assertThat(stored).as("stored figures of %s", scope).isNotNull();
		assertSameSums(stored.tiers, read.tiers);
		assertSameSums(stored.segments, read.segments);
		assertSameSums(stored.cells, read.cells);
		assertThat(stored.migration).isEqualTo(read.migration);
		assertThat(stored.lorenz).hasSameSizeAs(read.lorenz);
		double tolerance = (scope.kind() == AccessScope.Kind.OWN) ? 1e-9 : 0.01;
		for (int i = 0; i < read.lorenz.size(); i++) {
			assertThat(stored.lorenz.get(i).customerShare()).as("%s point %d", scope, i)
				.isCloseTo(read.lorenz.get(i).customerShare(), within(tolerance));
			assertThat(stored.lorenz.get(i).revenueShare()).as("%s point %d", scope, i)
				.isCloseTo(read.lorenz.get(i).revenueShare(), within(tolerance));
		}
	}

	/**
	 * The run's stored per-owner rows and bands by their key (figures: owner, tier,
	 * segment, scores and previous tier; bands: owner and band), each with its counts and
	 * sums.
	 */
	private Map<String, double[]> storedOwnerRows(long runId) {
		Map<String, double[]> rows = new java.util.HashMap<>();
		this.jdbc.query("select owner_id, tier, rfm_segment, r_score, f_score, previous_tier, customers, revenue,"
				+ " profit, clv_predicted, buyers, repeat_buyers, buyer_revenue from owner_figures where run_id = ?",
				(java.sql.ResultSet rs) -> {
					double[] values = new double[7];
					for (int c = 0; c < 7; c++) {
						values[c] = rs.getDouble(7 + c);
					}
					assertThat(rows.put("F|" + rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
							+ rs.getInt(4) + "|" + rs.getInt(5) + "|" + rs.getString(6), values))
						.isNull();
				}, runId);
		this.jdbc.query("select owner_id, band_no, customers, revenue from owner_revenue_bands where run_id = ?",
				(java.sql.ResultSet rs) -> {
					assertThat(rows.put("B|" + rs.getLong(1) + "|" + rs.getInt(2),
							new double[] { rs.getDouble(3), rs.getDouble(4) }))
						.isNull();
				}, runId);
		return rows;
	}

	private static void assertSameRows(Map<String, double[]> actual, Map<String, double[]> expected) {
		assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
		expected.forEach((key, values) -> {
			for (int c = 0; c < values.length; c++) {
				assertThat(actual.get(key)[c]).as("%s, value %d", key, c).isCloseTo(values[c], within(1e-6));
			}
		});
	}

	private static long customers(@org.jspecify.annotations.Nullable ScopedFigures figures) {
		assertThat(figures).isNotNull();
		return figures.tiers.values().stream().mapToLong((sum) -> sum.customers).sum();
	}

	private static <K> void assertSameSums(Map<K, ScopedFigures.Sum> stored, Map<K, ScopedFigures.Sum> read) {
		assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(read.keySet());
		read.forEach((key, expected) -> {
			ScopedFigures.Sum actual = stored.get(key);
			assertThat(actual.customers).as("customers of %s", key).isEqualTo(expected.customers);
			assertThat(actual.revenue).as("revenue of %s", key).isCloseTo(expected.revenue, within(1e-6));
			assertThat(actual.profit).isCloseTo(expected.profit, within(1e-6));
			assertThat(actual.clv).isCloseTo(expected.clv, within(1e-6));
			assertThat(actual.buyers).isEqualTo(expected.buyers);
			assertThat(actual.repeatBuyers).isEqualTo(expected.repeatBuyers);
			assertThat(actual.buyerRevenue).isCloseTo(expected.buyerRevenue, within(1e-6));
		});
	}

	private long user(String username, String role, @org.jspecify.annotations.Nullable Long team) {
		this.jdbc.update(
				"insert into users (username, display_name, password_hash, role, enabled, team_id,"
						+ " head_of_sales, created_at) values (?, ?, '{noop}x', ?, true, ?, false, current_timestamp)",
				username, username, role, team);
		return this.jdbc.queryForObject("select id from users where username = ?", Long.class, username);
	}

	private void interaction(String code, LocalDate day, int satisfaction) {
		new TestData(this.jdbc).interaction(code, day.atTime(LocalTime.NOON).atZone(TestData.ZONE).toInstant(),
				satisfaction);
	}

}
