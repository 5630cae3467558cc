package com.tiercrm.tiering.run;

import java.util.Map;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.AbcSettings;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.RfmScheme;
import com.tiercrm.tiering.model.RfmSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnRuleTests {

	/** The ranks the tiers table is seeded with. */
	private static final Map<String, Integer> RANKS = Map.ofEntries(Map.entry("ABC:A", 1), Map.entry("ABC:B", 2),
			Map.entry("ABC:C", 3), Map.entry("ABC:NO_PURCHASE", 4), Map.entry("CLV:HIGH", 1),
			Map.entry("CLV:MEDIUM", 2), Map.entry("CLV:LOW", 3), Map.entry("CLV:NO_PURCHASE", 4),
			Map.entry("RFM:IMPORTANT_VALUE", 1), Map.entry("RFM:GENERAL_RETAIN", 8), Map.entry("RFM:GENERAL_KEEP", 7),
			Map.entry("RFM:CHAMPIONS", 11), Map.entry("RFM:HIBERNATING", 20), Map.entry("RFM:LOST", 21),
			Map.entry("RFM:NO_PURCHASE", 22));

	@Test
	void lowestTierIsTheWorstTierABuyerCanHoldInTheModelAndSchemeInUse() {
		assertThat(
				ChurnRule.lowestTier(new AbcTierModel(), settings("ABC", RfmScheme.VALUE_MATRIX), new TierOrder(RANKS)))
			.isEqualTo("ABC:C");
		assertThat(
				ChurnRule.lowestTier(new ClvTierModel(), settings("CLV", RfmScheme.VALUE_MATRIX), new TierOrder(RANKS)))
			.isEqualTo("CLV:LOW");
		assertThat(
				ChurnRule.lowestTier(new RfmTierModel(), settings("RFM", RfmScheme.VALUE_MATRIX), new TierOrder(RANKS)))
			.isEqualTo("RFM:GENERAL_RETAIN");
		assertThat(
				ChurnRule.lowestTier(new RfmTierModel(), settings("RFM", RfmScheme.SCORE_RANGE), new TierOrder(RANKS)))
			.isEqualTo("RFM:LOST");
	}

	@Test
	void lowestTierFollowsTheRanksOfTheTiersTable() {
		Map<String, Integer> reordered = Map.of("ABC:A", 1, "ABC:B", 3, "ABC:C", 2, "ABC:NO_PURCHASE", 4);
		assertThat(ChurnRule.lowestTier(new AbcTierModel(), settings("ABC", RfmScheme.VALUE_MATRIX),
				new TierOrder(reordered)))
			.isEqualTo("ABC:B");
		// Without ranks, the class declared last.
		assertThat(ChurnRule.lowestTier(new AbcTierModel(), settings("ABC", RfmScheme.VALUE_MATRIX),
				new TierOrder(Map.of())))
			.isEqualTo("ABC:C");
	}

	@Test
	void betweenDifferentConfigurationsADropIsNoChurn() {
		ChurnRule rule = new ChurnRule(0.3, "ABC:C");
		assertThat(rule.between(4L, 4).churned(false, true)).isTrue();
		assertThat(rule.between(null, 4).churned(false, true)).isTrue();
		ChurnRule changed = rule.between(3L, 4);
		assertThat(changed.dropsChurn()).isFalse();
		assertThat(changed.churned(false, true)).isFalse();
		assertThat(changed.churned(true, false)).isTrue();
		assertThat(changed.droppedToLowest("ABC:A", "ABC:C")).isTrue();
	}

	@Test
	void droppingToTheLowestTierOrToNoPurchaseCountsWithinTheModel() {
		ChurnRule rule = new ChurnRule(0.3, "ABC:C");
		assertThat(rule.droppedToLowest("ABC:A", "ABC:C")).isTrue();
		assertThat(rule.droppedToLowest("ABC:B", "ABC:C")).isTrue();
		// Every order cancelled since the previous run.
		assertThat(rule.droppedToLowest("ABC:B", "ABC:NO_PURCHASE")).isTrue();
		assertThat(rule.droppedToLowest("ABC:A", "ABC:B")).isFalse();
		// Already the lowest: staying is no drop.
		assertThat(rule.droppedToLowest("ABC:C", "ABC:C")).isFalse();
		assertThat(rule.droppedToLowest("ABC:C", "ABC:NO_PURCHASE")).isFalse();
		// The tier model was changed between the runs: tiers of two models do not
		// compare.
		assertThat(rule.droppedToLowest("RFM:IMPORTANT_VALUE", "ABC:C")).isFalse();
	}

	@Test
	void onlyAKnownProbabilityBelowTheThresholdCounts() {
		ChurnRule rule = new ChurnRule(0.3, "ABC:C");
		assertThat(rule.belowThreshold(0.29)).isTrue();
		assertThat(rule.belowThreshold(0.3)).isFalse();
		assertThat(rule.belowThreshold(Double.NaN)).isFalse();
	}

	@Test
	void customersWhoNeverBoughtFormNoCohort() {
		assertThat(ChurnRule.formsCohort("ABC:C")).isTrue();
		assertThat(ChurnRule.formsCohort("RFM:LOST")).isTrue();
		assertThat(ChurnRule.formsCohort("ABC:NO_PURCHASE")).isFalse();
		assertThat(ChurnRule.formsCohort("CLV:NO_PURCHASE")).isFalse();
		assertThat(ChurnRule.formsCohort("RFM:NO_PURCHASE")).isFalse();
	}

	private static SegmentationSettings settings(String model, RfmScheme scheme) {
		return new SegmentationSettings(AbcSettings.defaults(), 0, RfmSettings.defaults().withScheme(scheme),
				ClvSettings.defaults(), model, 1);
	}

}
