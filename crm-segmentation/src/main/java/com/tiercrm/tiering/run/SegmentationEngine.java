package com.tiercrm.tiering.run;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.RankedClass;
import com.tiercrm.tiering.model.TierDecision;
import com.tiercrm.tiering.model.TierStability;
import org.jspecify.annotations.Nullable;

/**
 * Applies the registered models to a set of facts (those that always run, and the model
 * in use) and derives each customer's tier from the model in use: the same code for runs,
 * previews and the benchmark. Facts in, results out; it knows no model by name.
 */
final class SegmentationEngine {

	private final TierModels models;

	private final TierOrder order;

	/**
	 * @param models the models to apply
	 * @param order which tier is better, for telling a downgrade from an upgrade
	 */
	SegmentationEngine(TierModels models, TierOrder order) {
		this.models = models;
		this.order = order;
	}

	Segmentation apply(List<CustomerFacts> facts, SegmentationSettings settings, PreviousTiers previous,
			LocalDate asOf) {
		TierModel tierModel = this.models.tierModel(settings);
		Segmentation segmentation = new Segmentation(facts);
		RunInputs inputs = new RunInputs(asOf, settings.abcWindowMonths(), null, null);
		// Every model but the last runs on another core while the last one (by default
		// CLV, whose fit takes longest) runs on this one. Each result is held column-wise
		// as soon as it is computed. A tier model that needs the CLV results runs after
		// the others, with them.
		boolean afterClv = !ClvTierModel.CODE.equals(tierModel.code()) && tierModel.needsClv(settings);
		List<TierModel> all = this.models.all()
			.stream()
			.filter((model) -> model.runsAlways() || (model == tierModel && !afterClv))
			.toList();
		List<CompletableFuture<Timed>> others = all.subList(0, all.size() - 1)
			.stream()
			.map((model) -> CompletableFuture.supplyAsync(() -> timed(model, facts, settings, inputs)))
			.toList();
		Timed last = timed(all.get(all.size() - 1), facts, settings, inputs);
		for (CompletableFuture<Timed> other : others) {
			Timed done = other.join();
			segmentation.put(done.model(), done.results(), done.millis());
		}
		segmentation.put(last.model(), last.results(), last.millis());
		if (afterClv) {
			ClvResults clv = segmentation.clv();
			Timed tier = timed(tierModel, facts, settings,
					new RunInputs(asOf, settings.abcWindowMonths(), clv.probabilityAlive, clv.predicted));
			segmentation.put(tier.model(), tier.results(), tier.millis());
		}
		ModelResults classes = segmentation.results(tierModel.code());
		// One string per tier, not one per customer.
		Map<String, String> tierCodes = new HashMap<>();
		for (int i = 0; i < segmentation.size(); i++) {
			String candidate = tierCodes.computeIfAbsent(classes.classCode(i),
					(classCode) -> tierModel.code() + ":" + classCode);
			long customerId = segmentation.customerIds[i];
			applyStability(i, candidate, previous.tier(customerId), previous.streak(customerId),
					settings.downgradeAfterRuns(), segmentation.tiers, segmentation.downgradeStreaks);
		}
		return segmentation;
	}

	private static Timed timed(TierModel model, List<CustomerFacts> facts, SegmentationSettings settings,
			RunInputs inputs) {
		long start = System.nanoTime();
		ModelResults results = model.classify(facts, settings, inputs);
		return new Timed(model.code(), results, millis(start, System.nanoTime()));
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

	private record Timed(String model, ModelResults results, long millis) {

	}

	static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

}
