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
	 * How many customers moved from each tier of this run to each tier of the next,
	 * counted from the side of the next run: {@code NEW} for customers this run did not
	 * have, {@code GONE} for its customers the next run does not have. The same matrix
	 * {@code CustomerTiers.migration} reads from the database, without joining two runs.
	 * @param next the next run's customers and tiers
	 * @return the run these tiers come from, and the matrix; empty when there was none
	 */
	Optional<Migration> migrationTo(Segmentation next) {
		if (this.runId == null) {
			return Optional.empty();
		}
		Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
		Map<String, Long> found = new HashMap<>();
		for (int i = 0; i < next.size(); i++) {
			String from = tier(next.customerIds[i]);
			matrix.computeIfAbsent((from != null) ? from : "NEW", (key) -> new LinkedHashMap<>())
				.merge(next.tiers[i], 1L, Long::sum);
			if (from != null) {
				found.merge(from, 1L, Long::sum);
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
		return Optional.of(new Migration(this.runId, matrix));
	}

	/**
	 * Customers per previous tier and new tier.
	 *
	 * @param fromRunId the run the previous tiers come from
	 * @param matrix previous tier → new tier → customers
	 */
	record Migration(long fromRunId, Map<String, Map<String, Long>> matrix) {

	}

}
