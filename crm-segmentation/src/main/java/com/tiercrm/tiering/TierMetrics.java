package com.tiercrm.tiering;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One tier's metrics in one run, for comparing runs.
 *
 * @param runId the run
 * @param asOf its as-of date
 * @param finishedAt when it finished
 * @param rankOrder the tier's rank within its model, best first
 * @param stats the metrics
 */
public record TierMetrics(long runId, LocalDate asOf, @Nullable Instant finishedAt, int rankOrder, GroupStats stats) {

}
