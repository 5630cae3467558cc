package com.tiercrm.tiering;

import java.util.Map;

/**
 * What changed since the previous run, counted by the run while it holds both runs' tiers
 * in memory, so that {@link RunAggregator} need not join two runs of a million rows each.
 *
 * @param fromRunId the run the previous tiers come from
 * @param migration previous tier → new tier → customers, with {@code NEW} and
 * {@code GONE}
 * @param churnRule the rule the cohorts were counted by
 * @param cohorts per previous tier, how many of its customers churned
 */
record RunChanges(long fromRunId, Map<String, Map<String, Long>> migration, ChurnRule churnRule,
		Map<String, ChurnCohort> cohorts) {

}
