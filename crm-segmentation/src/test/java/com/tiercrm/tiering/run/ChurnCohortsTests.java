package com.tiercrm.tiering.run;

import com.tiercrm.tiering.config.SegmentationSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.config.SegmentationConfigs;
import com.tiercrm.tiering.insight.ChurnCohort;
import com.tiercrm.tiering.insight.RunDashboards;
import com.tiercrm.tiering.insight.TierMetrics;
import com.tiercrm.tiering.model.CustomerFacts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Churn cohorts and downgrades of two hand-made runs, where it is known who churned and
 * why, counted in memory as a run does and stored as a run stores them. The tier model is
 * ABC, so the lowest tier is C; the threshold is 0.3, and each owner keeps two
 * downgrades. Subclasses pick the database.
 */
abstract class ChurnCohortsTests {

	static final String PROPERTIES = "tiercrm.dashboard.downgrades-per-owner=2";

	private static final LocalDate PREVIOUS_AS_OF = LocalDate.of(2025, 5, 31);

	private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SegmentationRuns runs;

	@Autowired
	SegmentationConfigs configs;

	@Autowired
	RunAggregator aggregator;

	@Autowired
	RunDashboards dashboards;

	@Autowired
	TransactionTemplate transactions;

	private final Map<String, Long> ids = new LinkedHashMap<>();

	private long previousRun;

	private long run;

	/**
	 * Previous tier, previous ABC value → tier, ABC value, probability alive (null:
	 * unknown), and why.
	 */
	@BeforeEach
	void twoRuns() {
		new TestData(this.jdbc).clear();
		this.jdbc.update("delete from users where username like 'churn-%'");
		long rep = user("churn-rep");
		user("churn-other");
		List<String> codes = List.of("A_STAY", "A_FELL", "A_DROP", "A_BOTH", "A_GONE", "B_STAY", "B_UP", "B_SIMPLE",
				"B_CANCEL", "C_FELL", "C_STAY", "NP_BUY", "NP_NONE", "NEW");
		new TestData(this.jdbc).customers(codes);
		for (String code : codes) {
			this.ids.put(code, this.jdbc.queryForObject("select id from customers where code = ?", Long.class, code));
		}
		this.jdbc.update("update customers set owner_id = ? where code in ('A_STAY', 'A_FELL', 'A_DROP', 'A_BOTH')",
				rep);
		long config = this.configs.current().getId();
		this.previousRun = run(PREVIOUS_AS_OF, config);
		this.run = run(AS_OF, config);
		segment(this.previousRun, "A_STAY", "ABC:A", 1000, 0.9);
		segment(this.previousRun, "A_FELL", "ABC:A", 500, 0.9);
		segment(this.previousRun, "A_DROP", "ABC:A", 500, 0.9);
		segment(this.previousRun, "A_BOTH", "ABC:A", 900, 0.9);
		segment(this.previousRun, "A_GONE", "ABC:A", 800, 0.9);
		segment(this.previousRun, "B_STAY", "ABC:B", 300, 0.6);
		segment(this.previousRun, "B_UP", "ABC:B", 300, 0.6);
		segment(this.previousRun, "B_SIMPLE", "ABC:B", 300, 0.6);
		segment(this.previousRun, "B_CANCEL", "ABC:B", 400, 0.6);
		segment(this.previousRun, "C_FELL", "ABC:C", 50, 0.5);
		segment(this.previousRun, "C_STAY", "ABC:C", 50, 0.5);
		segment(this.previousRun, "NP_BUY", "ABC:NO_PURCHASE", 0, null);
		segment(this.previousRun, "NP_NONE", "ABC:NO_PURCHASE", 0, null);

		segment(this.run, "A_STAY", "ABC:A", 1000, 0.8);
		// Probability alive fell below 0.3; moved down one tier.
		segment(this.run, "A_FELL", "ABC:B", 1, 0.2);
		// Dropped to the lowest tier while still likely alive. Its current value is the
		// highest: the downgrades rank by the previous run's value.
		segment(this.run, "A_DROP", "ABC:C", 2000, 0.6);
		// Both: counted once.
		segment(this.run, "A_BOTH", "ABC:C", 10, 0.1);
		// A_GONE was deleted: left out of its cohort.
		this.jdbc.update("delete from customers where code = 'A_GONE'");
		segment(this.run, "B_STAY", "ABC:B", 300, 0.5);
		segment(this.run, "B_UP", "ABC:A", 900, 0.95);
		// The simple CLV formula knows no probability: not below the threshold.
		segment(this.run, "B_SIMPLE", "ABC:B", 300, null);
		// Every order cancelled: below the lowest tier, which counts as a drop.
		segment(this.run, "B_CANCEL", "ABC:NO_PURCHASE", 0, null);
		// Already in the lowest tier: only the probability can make it churn.
		segment(this.run, "C_FELL", "ABC:C", 50, 0.1);
		segment(this.run, "C_STAY", "ABC:C", 50, 0.7);
		// Customers who never bought form no cohort.
		segment(this.run, "NP_BUY", "ABC:C", 20, 0.2);
		segment(this.run, "NP_NONE", "ABC:NO_PURCHASE", 0, null);
		segment(this.run, "NEW", "ABC:B", 300, 0.1);
		store(this.previousRun, PreviousTiers.NONE);
	}

	@Test
	void cohortChurnCountsWhoFellBelowTheThresholdOrDroppedToTheLowestTier() {
		store(this.run, PreviousTiers.read(this.jdbc, this.previousRun));

		Map<String, ChurnCohort> cohorts = cohorts(this.run);
		assertThat(cohorts).containsOnlyKeys("ABC:A", "ABC:B", "ABC:C");
		// A_STAY stayed; A_FELL fell below; A_DROP dropped; A_BOTH both.
		assertThat(cohorts.get("ABC:A")).isEqualTo(new ChurnCohort(4, 2, 2, 3));
		assertThat(cohorts.get("ABC:A").rate()).isCloseTo(0.75, within(1e-12));
		// B_CANCEL dropped below the lowest tier; the others stayed.
		assertThat(cohorts.get("ABC:B")).isEqualTo(new ChurnCohort(4, 0, 1, 1));
		assertThat(cohorts.get("ABC:B").rate()).isCloseTo(0.25, within(1e-12));
		assertThat(cohorts.get("ABC:C")).isEqualTo(new ChurnCohort(2, 1, 0, 1));
		assertThat(cohorts.get("ABC:C").rate()).isCloseTo(0.5, within(1e-12));
		assertThat(lowestTier(this.run)).isEqualTo("ABC:C");

		List<TierMetrics> history = this.dashboards.tierHistory();
		assertThat(metrics(history, this.run, "ABC:A").churn()).isEqualTo(new ChurnCohort(4, 2, 2, 3));
		// The first run has no previous run: its churn is not measured.
		assertThat(lowestTier(this.previousRun)).isNull();
		assertThat(history.stream().filter((m) -> m.runId() == this.previousRun)).isNotEmpty()
			.allSatisfy((m) -> assertThat(m.churn()).isNull());
		// No cohort, though the run was measured: an empty one.
		assertThat(metrics(history, this.run, "ABC:NO_PURCHASE").churn()).isEqualTo(ChurnCohort.EMPTY);
		assertThat(ChurnCohort.EMPTY.rate()).isNull();
	}

	@Test
	void betweenRunsOfDifferentConfigurationsOnlyTheProbabilityIsChurn() {
		long previousConfig = this.configs.current().getId();
		long config = this.configs.save(SegmentationSettings.defaults(), "churn-test").getId();
		this.jdbc.update("update segmentation_runs set config_id = ? where id = ?", config, this.run);
		store(this.run, PreviousTiers.read(this.jdbc, this.previousRun), previousConfig, config);

		// A_FELL and A_BOTH fell below the threshold; A_DROP's drop is the new
		// configuration's doing. The drops are still counted, apart.
		Map<String, ChurnCohort> cohorts = cohorts(this.run);
		assertThat(cohorts.get("ABC:A")).isEqualTo(new ChurnCohort(4, 2, 2, 2));
		assertThat(cohorts.get("ABC:B")).isEqualTo(new ChurnCohort(4, 0, 1, 0));
		List<TierMetrics> history = this.dashboards.tierHistory();
		assertThat(metrics(history, this.run, "ABC:A").churn()).isEqualTo(new ChurnCohort(4, 2, 2, 2, false));
		assertThat(metrics(history, this.run, "ABC:NO_PURCHASE").churn()).isEqualTo(new ChurnCohort(0, 0, 0, 0, false));
	}

	@Test
	void cohortsCountedWithDropsBetweenDifferentConfigurationsShowOnlyTheProbability() {
		// Counted before runs compared configurations: the drops are in churned.
		store(this.run, PreviousTiers.read(this.jdbc, this.previousRun));
		long config = this.configs.save(SegmentationSettings.defaults(), "churn-test").getId();
		this.jdbc.update("update segmentation_runs set config_id = ? where id = ?", config, this.run);

		assertThat(metrics(this.dashboards.tierHistory(), this.run, "ABC:A").churn())
			.isEqualTo(new ChurnCohort(4, 2, 2, 2, false));
	}

	@Test
	void eachOwnerKeepsTheirMostValuableDowngradesByThePreviousRun() {
		RunChanges changes = store(this.run, PreviousTiers.read(this.jdbc, this.previousRun));
		// A_FELL, A_DROP, A_BOTH and B_CANCEL moved down; A_GONE is no customer any more.
		assertThat(changes.movedDown().size()).isEqualTo(4);

		long rep = this.jdbc.queryForObject("select id from users where username = 'churn-rep'", Long.class);
		// Two per owner: of the rep's three from A, A_BOTH by value, then of A_FELL and
		// A_DROP (equal previous values) the lower id. B_CANCEL has no owner.
		assertThat(downgrades(this.run)).containsExactly(row("A_FELL", rep, "ABC:A", "ABC:B", 1, 500.0),
				row("A_BOTH", rep, "ABC:A", "ABC:C", 1, 900.0),
				row("B_CANCEL", null, "ABC:B", "ABC:NO_PURCHASE", 2, 400.0));
	}

	@Test
	void aTierWithACohortButNoCustomersLeftStillShowsItsChurn() {
		store(this.run, PreviousTiers.read(this.jdbc, this.previousRun));
		this.jdbc.update("delete from run_group_stats where run_id = ? and group_code = 'ABC:B'", this.run);

		TierMetrics b = metrics(this.dashboards.tierHistory(), this.run, "ABC:B");
		assertThat(b.stats().customers()).isZero();
		assertThat(b.rankOrder()).isEqualTo(2);
		assertThat(b.churn()).isEqualTo(new ChurnCohort(4, 0, 1, 1));
	}

	/**
	 * Counts and stores a run's figures as a run does: its tiers and probabilities as the
	 * engine would hold them, against the previous run's tiers as the run loads them.
	 * @return what changed since the previous run, {@code null} for the first
	 */
	private @Nullable RunChanges store(long runId, PreviousTiers previous) {
		long config = this.configs.current().getId();
		return store(runId, previous, config, config);
	}

	private @Nullable RunChanges store(long runId, PreviousTiers previous, long previousConfig, long config) {
		List<CustomerFacts> facts = new ArrayList<>();
		List<Object[]> rows = this.jdbc.query(
				"select customer_id, tier, p_alive from customer_segments where run_id = ? order by customer_id",
				(rs, row) -> new Object[] { rs.getLong(1), rs.getString(2).intern(), rs.getObject(3, Double.class) },
				runId);
		rows.forEach((row) -> facts.add(CustomerFacts.noPurchase((Long) row[0])));
		Segmentation next = new Segmentation(facts);
		for (int i = 0; i < rows.size(); i++) {
			next.tiers[i] = (String) rows.get(i)[1];
			Double alive = (Double) rows.get(i)[2];
			next.clv().probabilityAlive[i] = (alive != null) ? alive : Double.NaN;
		}
		TierOrder order = this.runs.tierOrder();
		RunChanges changes = previous
			.changesTo(next, order,
					ChurnRule.of(new AbcTierModel(), this.configs.current().settings(), order, 0.3)
						.between(previousConfig, config))
			.orElse(null);
		RunFigures figures = RunFigures.of(next, RunFigures.Satisfaction.none(next.size()), changes);
		this.transactions.executeWithoutResult((status) -> this.aggregator.store(runId, figures));
		return changes;
	}

	private Map<String, ChurnCohort> cohorts(long runId) {
		Map<String, ChurnCohort> cohorts = new LinkedHashMap<>();
		this.jdbc
			.query("select tier_code, customers, below_threshold, dropped_to_lowest, churned from run_churn_cohorts"
					+ " where run_id = ? order by tier_code", (java.sql.ResultSet rs) -> {
						cohorts.put(rs.getString(1),
								new ChurnCohort(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
					}, runId);
		return cohorts;
	}

	private @Nullable String lowestTier(long runId) {
		return this.jdbc.queryForObject("select churn_lowest_tier from run_aggregates where run_id = ?", String.class,
				runId);
	}

	private List<List<Object>> downgrades(long runId) {
		return this.jdbc.query(
				"select customer_id, owner_id, from_tier, to_tier, from_rank, abc_value from run_downgrades"
						+ " where run_id = ? order by customer_id",
				(rs, row) -> java.util.Arrays.asList(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
						rs.getString(4), rs.getInt(5), rs.getDouble(6)),
				runId);
	}

	private List<Object> row(String code, @Nullable Long owner, String from, String to, int rank, double value) {
		return java.util.Arrays.asList(this.ids.get(code), owner, from, to, rank, value);
	}

	private static TierMetrics metrics(List<TierMetrics> history, long runId, String tier) {
		return history.stream()
			.filter((m) -> m.runId() == runId && m.stats().code().equals(tier))
			.findFirst()
			.orElseThrow();
	}

	private long user(String username) {
		this.jdbc.update("insert into users (username, display_name, password_hash, role, enabled, created_at)"
				+ " values (?, ?, '{noop}x', 'SALES_REP', true, current_timestamp)", username, username);
		return this.jdbc.queryForObject("select id from users where username = ?", Long.class, username);
	}

	private long run(LocalDate asOf, long config) {
		Timestamp finished = Timestamp.from(Instant.now());
		this.jdbc.update("insert into segmentation_runs (as_of, config_id, status, run_trigger, started_at,"
				+ " finished_at) values (?, ?, 'SUCCEEDED', 'MANUAL', ?, ?)", asOf, config, finished, finished);
		long runId = this.jdbc.queryForObject("select max(id) from segmentation_runs", Long.class);
		new TestData(this.jdbc).partition(runId);
		return runId;
	}

	private void segment(long runId, String code, String tier, double abcValue, @Nullable Double alive) {
		int frequency = tier.endsWith("NO_PURCHASE") ? 0 : 1;
		String abcClass = tier.substring(tier.indexOf(':') + 1);
		this.jdbc.update("insert into customer_segments (run_id, customer_id, abc_class, abc_value, abc_rank,"
				+ " abc_share_before, frequency, monetary, r_score, f_score, m_score, rfm_segment, clv_historical,"
				+ " clv_predicted, clv_method, p_alive, clv_rank, clv_class, tier, downgrade_streak, gross_profit)"
				+ " values (?, ?, ?, ?, 0, 0, ?, ?, 1, 1, 1, 'GENERAL_RETAIN', 0, 0, 'BG_NBD_GAMMA_GAMMA', ?, 0,"
				+ " 'LOW', ?, 0, 0)", runId, this.ids.get(code), abcClass, abcValue, frequency, abcValue, alive, tier);
	}

}
