package com.tiercrm.tiering.run;

import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.tiercrm.tiering.insight.ChurnCohort;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * One run's tiers, downgrade streaks and ABC values, sorted by customer id: the published
 * run's for the stability rule and for comparing a run or a preview with it, or any
 * retained run's for the API.
 */
final class PreviousTiers {

	static final PreviousTiers NONE = new PreviousTiers(null, new long[0], new String[0], new short[0], new double[0]);

	private final @Nullable Long runId;

	private final long[] customerIds;

	private final String[] tiers;

	private final short[] streaks;

	private final double[] abcValues;

	PreviousTiers(@Nullable Long runId, long[] customerIds, String[] tiers, short[] streaks, double[] abcValues) {
		this.runId = runId;
		this.customerIds = customerIds;
		this.tiers = tiers;
		this.streaks = streaks;
		this.abcValues = abcValues;
	}

	/**
	 * Reads a run's per-customer tiers in one pass.
	 */
	static PreviousTiers read(JdbcOperations jdbc, long runId) {
		Integer count = jdbc.queryForObject("select count(*) from customer_segments where run_id = ?", Integer.class,
				runId);
		int size = (count != null) ? count : 0;
		long[] ids = new long[size];
		String[] tiers = new String[size];
		short[] streaks = new short[size];
		double[] values = new double[size];
		int[] next = { 0 };
		jdbc.query("select customer_id, tier, downgrade_streak, abc_value from customer_segments where run_id = ?"
				+ " order by customer_id", (ResultSet rs) -> {
					int i = next[0]++;
					ids[i] = rs.getLong(1);
					tiers[i] = rs.getString(2).intern();
					streaks[i] = rs.getShort(3);
					values[i] = rs.getDouble(4);
				}, runId);
		return new PreviousTiers(runId, ids, tiers, streaks, values);
	}

	/**
	 * The run these tiers are from; {@code null} for {@link #NONE}.
	 */
	@Nullable Long runId() {
		return this.runId;
	}

	private int indexOf(long customerId) {
		return Arrays.binarySearch(this.customerIds, customerId);
	}

	@Nullable String tier(long customerId) {
		int i = indexOf(customerId);
		return (i >= 0) ? this.tiers[i] : null;
	}

	/**
	 * The tier of each of the given customers in these tiers, {@code null} for those who
	 * were not in them.
	 */
	@Nullable String[] tiersOf(long[] customerIds) {
		@Nullable String[] of = new String[customerIds.length];
		for (int i = 0; i < customerIds.length; i++) {
			of[i] = tier(customerIds[i]);
		}
		return of;
	}

	short streak(long customerId) {
		int i = indexOf(customerId);
		return (i >= 0) ? this.streaks[i] : 0;
	}

	double abcValue(long customerId) {
		int i = indexOf(customerId);
		return (i >= 0) ? this.abcValues[i] : 0;
	}

	/**
	 * Customers per tier.
	 */
	Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String tier : this.tiers) {
			counts.merge(tier, 1L, Long::sum);
		}
		return counts;
	}

	/**
	 * Compares these tiers with the next run's in one pass: the {@link TierMigration},
	 * each tier's churn cohort by the {@link ChurnRule}, and the customers who moved down
	 * ({@link TierOrder#isDowngrade}).
	 * @param next the next run's customers, tiers and probabilities of being alive
	 * @param order which tier is better
	 * @param churnRule who of a cohort counts as churned
	 * @return the changes; empty when there was no previous run
	 */
	Optional<RunChanges> changesTo(Segmentation next, TierOrder order, ChurnRule churnRule) {
		if (this.runId == null) {
			return Optional.empty();
		}
		TierMigration migration = new TierMigration();
		// Per previous tier: cohort, below the threshold, dropped to the lowest, either.
		Map<String, long[]> cohorts = new LinkedHashMap<>();
		RunChanges.MovedDown movedDown = new RunChanges.MovedDown();
		for (int i = 0; i < next.size(); i++) {
			String to = next.tiers[i];
			int at = indexOf(next.customerIds[i]);
			String from = (at >= 0) ? this.tiers[at] : null;
			migration.add(from, to);
			if (from == null) {
				continue;
			}
			if (ChurnRule.formsCohort(from)) {
				long[] counts = cohorts.computeIfAbsent(from, (key) -> new long[4]);
				boolean below = churnRule.belowThreshold(next.clv().probabilityAlive[i]);
				boolean dropped = churnRule.droppedToLowest(from, to);
				counts[0]++;
				counts[1] += below ? 1 : 0;
				counts[2] += dropped ? 1 : 0;
				counts[3] += churnRule.churned(below, dropped) ? 1 : 0;
			}
			if (order.isDowngrade(from, to)) {
				movedDown.add(next.customerIds[i], from, to, order.rank(from), this.abcValues[at]);
			}
		}
		Map<String, ChurnCohort> churn = new LinkedHashMap<>();
		cohorts.forEach((tier, counts) -> churn.put(tier,
				new ChurnCohort(counts[0], counts[1], counts[2], counts[3], churnRule.dropsChurn())));
		return Optional.of(new RunChanges(this.runId, migration.matrix(counts()), churnRule, churn, movedDown));
	}

}
