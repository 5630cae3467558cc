package com.tiercrm.tiering;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The tiers and downgrade streaks of the published run, sorted by customer id, for the
 * stability rule.
 */
final class PreviousTiers {

	static final PreviousTiers NONE = new PreviousTiers(new long[0], new String[0], new short[0]);

	private final long[] customerIds;

	private final String[] tiers;

	private final short[] streaks;

	PreviousTiers(long[] customerIds, String[] tiers, short[] streaks) {
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

}
