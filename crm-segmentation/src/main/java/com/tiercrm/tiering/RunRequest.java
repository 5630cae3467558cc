package com.tiercrm.tiering;

import java.time.LocalDate;

import com.tiercrm.tiering.model.ClvTimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A request to run the segmentation.
 *
 * @param asOf the as-of date; today in the installation's zone when absent
 * @param timeUnit overrides the configured CLV time unit for this run
 * @param trigger what asked for it
 * @param requestedBy who asked, if a person did
 */
public record RunRequest(@Nullable LocalDate asOf, @Nullable ClvTimeUnit timeUnit, RunTrigger trigger,
		@Nullable String requestedBy) {

}
