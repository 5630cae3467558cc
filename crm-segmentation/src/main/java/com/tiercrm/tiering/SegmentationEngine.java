package com.tiercrm.tiering;

import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.model.AbcModel;
import com.tiercrm.tiering.model.AbcResult;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvModel;
import com.tiercrm.tiering.model.ClvResult;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.RfmModel;
import com.tiercrm.tiering.model.RfmResult;
import org.jspecify.annotations.Nullable;

/**
 * Applies the three models to a set of facts and derives each customer's tier: the same
 * code for runs, previews and the benchmark. Plain Java: facts in, results out.
 */
final class SegmentationEngine {

	private final Map<String, Integer> tierRanks;

	/**
	 * @param tierRanks rank of every tier code (lower is better), for telling a downgrade
	 * from an upgrade
	 */
	SegmentationEngine(Map<String, Integer> tierRanks) {
		this.tierRanks = tierRanks;
	}

	Segmentation apply(List<CustomerFacts> facts, SegmentationSettings settings, PreviousTiers previous) {
		long start = System.nanoTime();
		List<AbcResult> abc = new AbcModel(settings.abc()).classify(facts);
		List<RfmResult> rfm = new RfmModel(settings.rfm()).classify(facts);
		long abcRfmDone = System.nanoTime();
		ClvModel clvModel = new ClvModel(settings.clv());
		ClvFit fit = clvModel.fit(facts);
		long fitDone = System.nanoTime();
		List<ClvResult> clv = clvModel.score(facts, fit);
		long scoreDone = System.nanoTime();
		String[] tiers = new String[facts.size()];
		short[] streaks = new short[facts.size()];
		for (int i = 0; i < tiers.length; i++) {
			String candidate = switch (settings.tierModel()) {
				case ABC -> "ABC:" + abc.get(i).abcClass().name();
				case RFM -> "RFM:" + rfm.get(i).segment().name();
				case CLV -> "CLV:" + clv.get(i).clvClass().name();
			};
			long customerId = facts.get(i).customerId();
			applyStability(i, candidate.intern(), previous.tier(customerId), previous.streak(customerId),
					settings.downgradeAfterRuns(), tiers, streaks);
		}
		return new Segmentation(facts, abc, rfm, fit, clv, tiers, streaks, millis(start, abcRfmDone),
				millis(abcRfmDone, fitDone), millis(fitDone, scoreDone));
	}

	/**
	 * A downgrade takes effect only when the lower class has come up in {@code runs}
	 * consecutive runs; until then the customer keeps the previous tier and the streak
	 * counts up. Upgrades and unchanged classes apply at once.
	 */
	private void applyStability(int i, String candidate, @Nullable String previousTier, short previousStreak, int runs,
			String[] tiers, short[] streaks) {
		Integer candidateRank = this.tierRanks.get(candidate);
		Integer previousRank = (previousTier != null) ? this.tierRanks.get(previousTier) : null;
		boolean downgrade = candidateRank != null && previousRank != null
				&& candidate.regionMatches(0, previousTier, 0, 4) && candidateRank > previousRank;
		if (!downgrade || previousStreak + 1 >= runs) {
			tiers[i] = candidate;
			streaks[i] = 0;
		}
		else {
			tiers[i] = previousTier;
			streaks[i] = (short) (previousStreak + 1);
		}
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

}
