package com.tiercrm.tiering.run;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A segmentation run ended, published or failed. Raised once per run: a published run's
 * in the transaction that publishes it (listeners that count only what committed listen
 * after the commit), a failed run's after it was marked failed.
 *
 * @param runId the run
 * @param status {@link RunStatus#SUCCEEDED} or {@link RunStatus#FAILED}
 * @param trigger what started it
 * @param customers how many customers it tiered; 0 when it failed
 * @param duration from the start of its work to its end
 * @param timings where a published run's time went; {@code null} for a failed run
 */
@NamedInterface("run")
public record RunFinished(long runId, RunStatus status, RunTrigger trigger, int customers, Duration duration,
		RunReport.@Nullable Timings timings) {

}
