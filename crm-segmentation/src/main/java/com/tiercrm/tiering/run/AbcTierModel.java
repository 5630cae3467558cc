package com.tiercrm.tiering.run;

import java.util.List;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.AbcModel;
import com.tiercrm.tiering.model.CustomerFacts;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * ABC (Pareto) classes as tiers: {@link AbcModel}.
 */
@Component
@Order(1)
class AbcTierModel implements TierModel {

	static final String CODE = "ABC";

	private static final List<TierClass> CLASSES = List.of(new TierClass("A", "A – key customers", "A 类（重点客户）"),
			new TierClass("B", "B – regular customers", "B 类（普通客户）"),
			new TierClass("C", "C – small customers", "C 类（小客户）"),
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
	public AbcResults classify(List<CustomerFacts> facts, SegmentationSettings settings) {
		AbcResults results = new AbcResults(facts.size());
		new AbcModel(settings.abc()).classify(facts, results::set);
		return results;
	}

}
