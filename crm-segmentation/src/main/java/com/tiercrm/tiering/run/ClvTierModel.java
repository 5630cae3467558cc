package com.tiercrm.tiering.run;

import java.util.List;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.ClvModel;
import com.tiercrm.tiering.model.CustomerFacts;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Customer lifetime value classes as tiers: {@link ClvModel} fits the purchase and spend
 * models, then scores every customer.
 */
@Component
@Order(3)
class ClvTierModel implements TierModel {

	static final String CODE = "CLV";

	private static final List<TierClass> CLASSES = List.of(new TierClass("HIGH", "High lifetime value", "高价值"),
			new TierClass("MEDIUM", "Medium lifetime value", "中价值"), new TierClass("LOW", "Low lifetime value", "低价值"),
			new TierClass(NO_PURCHASE, "No purchase yet", "尚未购买"));

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public boolean runsAlways() {
		return true;
	}

	@Override
	public List<TierClass> classes() {
		return CLASSES;
	}

	@Override
	public ClvResults classify(List<CustomerFacts> facts, SegmentationSettings settings) {
		ClvResults results = new ClvResults(facts.size());
		long start = System.nanoTime();
		ClvModel model = new ClvModel(settings.clv());
		results.fit = model.fit(facts);
		long fitted = System.nanoTime();
		model.score(facts, results.fit, results::set);
		results.fitMillis = SegmentationEngine.millis(start, fitted);
		results.scoreMillis = SegmentationEngine.millis(fitted, System.nanoTime());
		return results;
	}

}
