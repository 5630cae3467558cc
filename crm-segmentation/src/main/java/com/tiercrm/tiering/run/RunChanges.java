package com.tiercrm.tiering.run;

import java.util.Arrays;
import java.util.Map;

import com.tiercrm.tiering.insight.ChurnCohort;

/**
 * What changed since the previous run, counted by the run (or a preview) while it holds
 * both runs' tiers in memory.
 *
 * @param fromRunId the run the previous tiers come from
 * @param migration previous tier → new tier → customers, with {@code NEW} and
 * {@code GONE}
 * @param churnRule the rule the cohorts were counted by
 * @param cohorts per previous tier, how many of its customers churned
 * @param movedDown the customers whose tier got worse within a model
 */
record RunChanges(long fromRunId, Map<String, Map<String, Long>> migration, ChurnRule churnRule,
		Map<String, ChurnCohort> cohorts, MovedDown movedDown) {

	/**
	 * Customers who moved to a lower tier, column-wise: a few arrays rather than an
	 * object per customer. The tier codes are the runs' interned strings.
	 */
	static final class MovedDown {

		private int size;

		private long[] customerIds = new long[256];

		private String[] fromTiers = new String[256];

		private String[] toTiers = new String[256];

		private int[] fromRanks = new int[256];

		private double[] abcValues = new double[256];

		void add(long customerId, String fromTier, String toTier, int fromRank, double abcValue) {
			if (this.size == this.customerIds.length) {
				int capacity = this.size * 2;
				this.customerIds = Arrays.copyOf(this.customerIds, capacity);
				this.fromTiers = Arrays.copyOf(this.fromTiers, capacity);
				this.toTiers = Arrays.copyOf(this.toTiers, capacity);
				this.fromRanks = Arrays.copyOf(this.fromRanks, capacity);
				this.abcValues = Arrays.copyOf(this.abcValues, capacity);
			}
			this.customerIds[this.size] = customerId;
			this.fromTiers[this.size] = fromTier;
			this.toTiers[this.size] = toTier;
			this.fromRanks[this.size] = fromRank;
			this.abcValues[this.size] = abcValue;
			this.size++;
		}

		int size() {
			return this.size;
		}

		long customerId(int i) {
			return this.customerIds[i];
		}

		String fromTier(int i) {
			return this.fromTiers[i];
		}

		String toTier(int i) {
			return this.toTiers[i];
		}

		int fromRank(int i) {
			return this.fromRanks[i];
		}

		/** The customer's ABC value in the previous run. */
		double abcValue(int i) {
			return this.abcValues[i];
		}

	}

}
