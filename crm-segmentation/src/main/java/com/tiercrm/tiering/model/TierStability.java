package com.tiercrm.tiering.model;

import org.jspecify.annotations.Nullable;

/**
 * Keeps tiers from flapping: an upgrade or an unchanged class takes effect at once, a
 * downgrade only when {@code downgradeAfterRuns} consecutive runs propose a lower class
 * than the tier in effect. The class that then takes effect is the one of the last run. A
 * pure function: the caller stores the effective tier and the pending count.
 *
 * @param downgradeAfterRuns consecutive runs a downgrade needs, at least 1 (1 = at once)
 */
public record TierStability(int downgradeAfterRuns) {

	/**
	 * Validates the count.
	 * @throws IllegalArgumentException {@code tier.settings.invalid-runs} when below 1
	 */
	public TierStability {
		if (downgradeAfterRuns < 1) {
			throw new IllegalArgumentException("tier.settings.invalid-runs");
		}
	}

	/**
	 * Decides the tier after a run.
	 * @param <T> the class type, declared best first
	 * @param previous the tier in effect before the run; {@code null} for a customer
	 * without one
	 * @param pendingDowngrades the pending count stored after the previous run
	 * @param proposed the class the model gave in this run
	 * @return the tier in effect and the new pending count
	 */
	public <T extends RankedClass> TierDecision<T> apply(@Nullable T previous, int pendingDowngrades, T proposed) {
		if (previous == null) {
			return new TierDecision<>(proposed, 0, true);
		}
		if (proposed.ordinal() <= previous.ordinal()) {
			return new TierDecision<>(proposed, 0, !proposed.equals(previous));
		}
		int pending = Math.max(0, pendingDowngrades) + 1;
		if (pending >= this.downgradeAfterRuns) {
			return new TierDecision<>(proposed, 0, true);
		}
		return new TierDecision<>(previous, pending, false);
	}

}
