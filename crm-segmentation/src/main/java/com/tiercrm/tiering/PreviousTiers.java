package com.tiercrm.tiering;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The tiers and downgrade streaks of the published run, sorted by customer id, for the
 * stability rule.
 */
final class PreviousTiers {

	static final PreviousTiers NONE = new PreviousTiers(null, new long[0], new String[0], new short[0]);

	private final @Nullable Long runId;

	private final long[] customerIds;

	private final String[] tiers;

	private final short[] streaks;

	PreviousTiers(@Nullable Long runId, long[] customerIds, String[] tiers, short[] streaks) {
		this.runId = runId;
		this.customerIds = customerIds;
		this.tiers = tiers;
		this.streaks = streaks;
	}

	private int indexOf(long customerId) {
		return Arrays.binarySearch(this.customerIds, customerId);
	}

	@Nullable String tier(long customerId) {
		int i = indexOf(customerId);
		return (i >= 0) ? this.tiers[i] : null;
	}

	short streak(long customerId) {
		int i = indexOf(customerId);
		return (i >= 0) ? this.streaks[i] : 0;
	}

	/**
	 * Compares these tiers with the next run's in one pass: the migration matrix, counted
	 * from the side of the next run ({@code NEW} for customers this run did not have,
	 * {@code GONE} for its customers the next run does not have), each tier's churn
	 * cohort by the rule, and the customers who moved to a lower tier of the same model.
	 * The same figures {@link RunAggregator} reads from the database for runs aggregated
	 * later, without joining two runs.
	 * @param next the next run's customers, tiers and probabilities of being alive
	 * @param ranks the rank of every tier code, 1 being the best; tiers without one are
	 * not compared, as the tiers table's join leaves them out
	 * @param churnRule who of a cohort counts as churned
	 * @return the changes; empty when there was no previous run
	 */
	Optional<RunChanges> changesTo(Segmentation next, Map<String, Integer> ranks, ChurnRule churnRule) {
		if (this.runId == null) {
			return Optional.empty();
		}
		Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
		Map<String, Long> found = new HashMap<>();
		// Per previous tier: cohort, below the threshold, dropped to the lowest, either.
		Map<String, long[]> cohorts = new LinkedHashMap<>();
		RunChanges.MovedDown movedDown = new RunChanges.MovedDown();
		for (int i = 0; i < next.size(); i++) {
			String to = next.tiers[i];
			String from = tier(next.customerIds[i]);
			matrix.computeIfAbsent((from != null) ? from : "NEW", (key) -> new LinkedHashMap<>())
				.merge(to, 1L, Long::sum);
			if (from == null) {
				continue;
			}
			found.merge(from, 1L, Long::sum);
			if (ChurnRule.formsCohort(from)) {
				long[] counts = cohorts.computeIfAbsent(from, (key) -> new long[4]);
				boolean below = churnRule.belowThreshold(next.probabilityAlive[i]);
				boolean dropped = churnRule.droppedToLowest(from, to);
				counts[0]++;
				counts[1] += below ? 1 : 0;
				counts[2] += dropped ? 1 : 0;
				counts[3] += (below || dropped) ? 1 : 0;
			}
			Integer fromRank = ranks.get(from);
			Integer toRank = ranks.get(to);
			if (fromRank != null && toRank != null && toRank > fromRank && SegmentationEngine.sameModel(from, to)) {
				movedDown.add(next.customerIds[i], from, to, fromRank);
			}
		}
		Map<String, Long> before = new LinkedHashMap<>();
		for (String tier : this.tiers) {
			before.merge(tier, 1L, Long::sum);
		}
		before.forEach((tier, count) -> {
			long gone = count - found.getOrDefault(tier, 0L);
			if (gone > 0) {
				matrix.computeIfAbsent(tier, (key) -> new LinkedHashMap<>()).put("GONE", gone);
			}
		});
		Map<String, ChurnCohort> churn = new LinkedHashMap<>();
		cohorts.forEach((tier, counts) -> churn.put(tier, new ChurnCohort(counts[0], counts[1], counts[2], counts[3])));
		return Optional.of(new RunChanges(this.runId, matrix, churnRule, churn, movedDown));
	}

}
