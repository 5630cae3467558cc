package com.tiercrm.tiering.insight;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * One tier's metrics in one run, for comparing runs.
 *
 * @param runId the run
 * @param asOf its as-of date
 * @param finishedAt when it finished
 * @param rankOrder the tier's rank within its model, best first
 * @param stats the metrics
 * @param churn how the tier's customers of the previous run churned by this run
 * ({@link ChurnCohort#EMPTY} when the tier had none); {@code null} when the run was not
 * measured against a previous run
 */
@NamedInterface("insight")
public record TierMetrics(long runId, LocalDate asOf, @Nullable Instant finishedAt, int rankOrder, GroupStats stats,
		@Nullable ChurnCohort churn) {

	/**
	 * Metrics of a run not measured against a previous run.
	 */
	public TierMetrics(long runId, LocalDate asOf, @Nullable Instant finishedAt, int rankOrder, GroupStats stats) {
		this(runId, asOf, finishedAt, rankOrder, stats, null);
	}

}
