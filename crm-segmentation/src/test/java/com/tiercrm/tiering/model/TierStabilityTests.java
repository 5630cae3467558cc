package com.tiercrm.tiering.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TierStabilityTests {

	private final TierStability threeRuns = new TierStability(3);

	@Test
	void downgradeTakesEffectOnlyAfterTheConfiguredRuns() {
		TierDecision<AbcClass> first = this.threeRuns.apply(AbcClass.A, 0, AbcClass.B);
		assertThat(first).isEqualTo(new TierDecision<>(AbcClass.A, 1, false));
		TierDecision<AbcClass> second = this.threeRuns.apply(first.effective(), first.pendingDowngrades(), AbcClass.C);
		assertThat(second).isEqualTo(new TierDecision<>(AbcClass.A, 2, false));
		TierDecision<AbcClass> third = this.threeRuns.apply(second.effective(), second.pendingDowngrades(), AbcClass.B);
		assertThat(third).isEqualTo(new TierDecision<>(AbcClass.B, 0, true));
	}

	@Test
	void runAtTheSameOrABetterClassResetsThePendingDowngrade() {
		assertThat(this.threeRuns.apply(AbcClass.B, 2, AbcClass.B)).isEqualTo(new TierDecision<>(AbcClass.B, 0, false));
		assertThat(this.threeRuns.apply(ClvClass.MEDIUM, 2, ClvClass.HIGH))
			.isEqualTo(new TierDecision<>(ClvClass.HIGH, 0, true));
	}

	@Test
	void firstRunTakesTheProposedClass() {
		assertThat(this.threeRuns.apply(null, 0, AbcClass.C)).isEqualTo(new TierDecision<>(AbcClass.C, 0, true));
	}

	@Test
	void oneRunMeansDowngradesAtOnce() {
		assertThat(new TierStability(1).apply(AbcClass.A, 0, AbcClass.NO_PURCHASE))
			.isEqualTo(new TierDecision<>(AbcClass.NO_PURCHASE, 0, true));
	}

	@Test
	void runsBelowOneAreRejectedWithAMessageKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TierStability(0))
			.withMessage("tier.settings.invalid-runs");
	}

}
