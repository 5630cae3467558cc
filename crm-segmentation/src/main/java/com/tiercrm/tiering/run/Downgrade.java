package com.tiercrm.tiering.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

/**
 * A customer whose tier got worse from one run to another
 * ({@link TierOrder#isDowngrade}). In what order they are listed, and which of them each
 * owner keeps, is decided here, for the run's dashboard and the API alike.
 *
 * @param customerId the customer
 * @param ownerId their owner, {@code null} for nobody
 * @param fromTier their tier in the earlier run
 * @param toTier their tier now
 * @param fromRank the rank of the earlier tier, 1 being the best
 * @param abcValue their ABC value in the earlier run
 */
record Downgrade(long customerId, @Nullable Long ownerId, String fromTier, String toTier, int fromRank,
		double abcValue) {

	Downgrade {
		// As SQL compares them: -0.0 is 0.0.
		abcValue = abcValue + 0.0;
	}

	/**
	 * Best previous tier first, then the highest previous ABC value, then the lowest id.
	 */
	static final Comparator<Downgrade> BEST_FIRST = Comparator.comparingInt(Downgrade::fromRank)
		.thenComparing(Downgrade::abcValue, Comparator.reverseOrder())
		.thenComparingLong(Downgrade::customerId);

	/**
	 * Keeps the best downgrades of each owner (customers without an owner count as one
	 * owner), a bounded queue per owner.
	 */
	static final class MostValuable {

		private final int perOwner;

		// HashMap: customers without an owner share the null key.
		private final Map<Long, PriorityQueue<Downgrade>> kept = new HashMap<>();

		/**
		 * @param perOwner how many each owner keeps
		 */
		MostValuable(int perOwner) {
			this.perOwner = perOwner;
		}

		void add(Downgrade downgrade) {
			if (this.perOwner <= 0) {
				return;
			}
			PriorityQueue<Downgrade> queue = this.kept.computeIfAbsent(downgrade.ownerId(),
					(owner) -> new PriorityQueue<>(BEST_FIRST.reversed()));
			queue.add(downgrade);
			if (queue.size() > this.perOwner) {
				queue.poll();
			}
		}

		/**
		 * The kept downgrades of all owners, best first.
		 */
		List<Downgrade> list() {
			List<Downgrade> all = new ArrayList<>();
			this.kept.values().forEach(all::addAll);
			all.sort(BEST_FIRST);
			return all;
		}

	}

}
