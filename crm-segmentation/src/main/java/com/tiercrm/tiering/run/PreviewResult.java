package com.tiercrm.tiering.run;

import java.time.LocalDate;
import java.util.Map;

/**
 * What an edited configuration would do, without publishing anything.
 *
 * @param asOf the as-of date the facts were read for
 * @param customers customers evaluated
 * @param tiers customers per tier under the edited configuration
 * @param revenueShares each tier's share of total revenue, 0 to 1
 * @param abc customers per ABC class
 * @param rfm customers per RFM segment
 * @param clvClasses customers per CLV class
 * @param migration published tier → previewed tier → customers, counted as a run counts
 * its migration ({@link TierMigration}): {@code NEW} for customers not in the published
 * run, {@code GONE} for its customers deleted since
 * @param clv the CLV fit the preview made
 * @param millis how long the preview took
 */
public record PreviewResult(LocalDate asOf, int customers, Map<String, Long> tiers, Map<String, Double> revenueShares,
		Map<String, Long> abc, Map<String, Long> rfm, Map<String, Long> clvClasses,
		Map<String, Map<String, Long>> migration, RunReport.ClvDiagnostics clv, long millis) {

}
