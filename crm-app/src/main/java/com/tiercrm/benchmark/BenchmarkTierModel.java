package com.tiercrm.benchmark;

import java.util.List;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.Reason;
import com.tiercrm.tiering.run.Classification;
import com.tiercrm.tiering.run.TierClass;
import com.tiercrm.tiering.run.TierModel;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A fourth tier model for the segmentation benchmark
 * ({@code --tiercrm.benchmark.extra-model=true}): what a model of one's own costs a run,
 * its results stored one row per customer in {@code customer_model_results}. It sorts
 * buyers by the number of days they bought on, which costs next to nothing, so the
 * difference is the storage.
 */
@Component
@ConditionalOnBooleanProperty("tiercrm.benchmark.extra-model")
class BenchmarkTierModel implements TierModel {

	@Override
	public String code() {
		return "BENCH";
	}

	/** Measured in every run, whichever model defines the tiers. */
	@Override
	public boolean runsAlways() {
		return true;
	}

	@Override
	public List<TierClass> classes() {
		return List.of(new TierClass("FREQUENT", "Frequent buyer", "常购客户"),
				new TierClass("REPEAT", "Repeat buyer", "回头客"), new TierClass("ONCE", "One-time buyer", "一次性客户"),
				new TierClass(NO_PURCHASE, "No purchase yet", "尚未购买"));
	}

	@Override
	public Classification classify(List<CustomerFacts> facts, SegmentationSettings settings) {
		Classification results = new Classification(this, facts.size());
		for (int i = 0; i < facts.size(); i++) {
			int days = facts.get(i).purchaseDays();
			String habit = !facts.get(i).hasPurchased() ? NO_PURCHASE
					: (days >= 5) ? "FREQUENT" : (days >= 2) ? "REPEAT" : "ONCE";
			results.set(i, habit, days, Reason.of("rfm.reason.frequency", days));
		}
		return results;
	}

}
