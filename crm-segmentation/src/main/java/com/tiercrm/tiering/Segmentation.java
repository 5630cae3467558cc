package com.tiercrm.tiering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.model.AbcResult;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvResult;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.RfmResult;

/**
 * The models' results for every customer of a run or preview, index-aligned with the
 * facts they came from, with each customer's tier after the stability rule.
 */
record Segmentation(List<CustomerFacts> facts, List<AbcResult> abc, List<RfmResult> rfm, ClvFit fit,
		List<ClvResult> clv, String[] tiers, short[] downgradeStreaks, long abcRfmMillis, long clvFitMillis,
		long clvScoreMillis) {

	int size() {
		return this.facts.size();
	}

	Map<String, Long> abcCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.abc.forEach((r) -> counts.merge(r.abcClass().name(), 1L, Long::sum));
		return counts;
	}

	Map<String, Long> rfmCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.rfm.forEach((r) -> counts.merge(r.segment().name(), 1L, Long::sum));
		return counts;
	}

	Map<String, Long> clvCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.clv.forEach((r) -> counts.merge(r.clvClass().name(), 1L, Long::sum));
		return counts;
	}

	Map<String, Long> tierCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String tier : this.tiers) {
			counts.merge(tier, 1L, Long::sum);
		}
		return counts;
	}

}
