package com.tiercrm.tiering.run;

import java.util.List;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.RfmModel;
import com.tiercrm.tiering.model.RfmSegment;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * RFM segments as tiers: {@link RfmModel}. Which segments it assigns depends on the
 * scheme in the settings.
 */
@Component
@Order(2)
class RfmTierModel implements TierModel {

	static final String CODE = "RFM";

	private static final List<TierClass> CLASSES = List.of(
			new TierClass("IMPORTANT_VALUE", "Important value", "重要价值客户"),
			new TierClass("IMPORTANT_DEVELOP", "Important to develop", "重要发展客户"),
			new TierClass("IMPORTANT_KEEP", "Important to keep", "重要保持客户"),
			new TierClass("IMPORTANT_RETAIN", "Important to win back", "重要挽留客户"),
			new TierClass("GENERAL_VALUE", "General value", "一般价值客户"),
			new TierClass("GENERAL_DEVELOP", "General to develop", "一般发展客户"),
			new TierClass("GENERAL_KEEP", "General to keep", "一般保持客户"),
			new TierClass("GENERAL_RETAIN", "General to win back", "一般挽留客户"),
			new TierClass("CHAMPIONS", "Champions", "冠军客户"), new TierClass("LOYAL", "Loyal", "忠诚客户"),
			new TierClass("POTENTIAL_LOYALIST", "Potential loyalist", "潜在忠诚客户"),
			new TierClass("NEW", "New customers", "新客户"), new TierClass("PROMISING", "Promising", "有潜力客户"),
			new TierClass("NEED_ATTENTION", "Need attention", "需要关注"),
			new TierClass("ABOUT_TO_SLEEP", "About to sleep", "即将沉睡"), new TierClass("AT_RISK", "At risk", "有流失风险"),
			new TierClass("CANT_LOSE", "Can't lose them", "不能失去"), new TierClass("HIBERNATING", "Hibernating", "休眠客户"),
			new TierClass("LOST", "Lost", "已流失"), new TierClass(NO_PURCHASE, "No purchase yet", "尚未购买"));

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
	public List<String> classesInUse(SegmentationSettings settings) {
		return settings.rfm().scheme().segments().stream().map(RfmSegment::name).toList();
	}

	@Override
	public RfmResults classify(List<CustomerFacts> facts, SegmentationSettings settings) {
		RfmResults results = new RfmResults(facts.size());
		new RfmModel(settings.rfm()).classify(facts, results::set);
		return results;
	}

}
