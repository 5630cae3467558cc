package com.tiercrm.tiering.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.AbcModel;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvModel;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.RankedClass;
import com.tiercrm.tiering.model.RfmModel;
import com.tiercrm.tiering.model.TierDecision;
import com.tiercrm.tiering.model.TierStability;
import org.jspecify.annotations.Nullable;

/**
 * Applies the three models to a set of facts and derives each customer's tier: the same
 * code for runs, previews and the benchmark. Plain Java: facts in, results out.
 */
final class SegmentationEngine {

	private final TierOrder order;

	/**
	 * @param order which tier is better, for telling a downgrade from an upgrade
	 */
	SegmentationEngine(TierOrder order) {
		this.order = order;
	}

	Segmentation apply(List<CustomerFacts> facts, SegmentationSettings settings, PreviousTiers previous) {
		Segmentation segmentation = new Segmentation(facts);
		// ABC and RFM on a second core while the CLV models fit and score on this one.
		// Each model's result list is
		// copied into the columns and dropped at once.
		CompletableFuture<Long> abcRfm = CompletableFuture.supplyAsync(() -> {
			long start = System.nanoTime();
			new AbcModel(settings.abc()).classify(facts, segmentation::abc);
			new RfmModel(settings.rfm()).classify(facts, segmentation::rfm);
			return millis(start, System.nanoTime());
		});
		long start = System.nanoTime();
		ClvModel clvModel = new ClvModel(settings.clv());
		ClvFit fit = clvModel.fit(facts);
		long fitDone = System.nanoTime();
		clvModel.score(facts, fit, segmentation::clv);
		long scoreDone = System.nanoTime();
		segmentation.abcRfmMillis = abcRfm.join();
		segmentation.fit = fit;
		segmentation.clvFitMillis = millis(start, fitDone);
		segmentation.clvScoreMillis = millis(fitDone, scoreDone);
		for (int i = 0; i < segmentation.size(); i++) {
			String candidate = switch (settings.tierModel()) {
				case ABC -> "ABC:" + segmentation.abcClass(i).name();
				case RFM -> "RFM:" + segmentation.rfmSegment(i).name();
				case CLV -> "CLV:" + segmentation.clvClass(i).name();
			};
			long customerId = segmentation.customerIds[i];
			applyStability(i, candidate.intern(), previous.tier(customerId), previous.streak(customerId),
					settings.downgradeAfterRuns(), segmentation.tiers, segmentation.downgradeStreaks);
		}
		return segmentation;
	}

	/**
	 * Applies {@link TierStability} to tier codes, ranked by the tiers table. A previous
	 * tier of another model (the tier model was changed) does not hold a customer back.
	 */
	private void applyStability(int i, String candidate, @Nullable String previousTier, short previousStreak, int runs,
			String[] tiers, short[] streaks) {
		RankedTier proposed = ranked(candidate);
		RankedTier previous = (previousTier != null && TierOrder.sameModel(previousTier, candidate))
				? ranked(previousTier) : null;
		TierDecision<RankedTier> decision = new TierStability(runs).apply(previous, previousStreak, proposed);
		tiers[i] = decision.effective().code();
		streaks[i] = (short) decision.pendingDowngrades();
	}

	private RankedTier ranked(String code) {
		return new RankedTier(code, this.order.rank(code));
	}

	/**
	 * A tier code with its rank, so that the stability rule can compare tiers of any
	 * model.
	 */
	private record RankedTier(String code, int ordinal) implements RankedClass {

	}

	static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

}
