package com.tiercrm.tiering.run;

import java.time.LocalDate;

import com.tiercrm.tiering.model.ClvTimeUnit;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A request to run the segmentation.
 *
 * @param asOf the as-of date; today in the installation's zone when absent
 * @param timeUnit overrides the configured CLV time unit for this run
 * @param trigger what asked for it
 * @param requestedBy who asked, if a person did
 */
@NamedInterface("run")
public record RunRequest(@Nullable LocalDate asOf, @Nullable ClvTimeUnit timeUnit, RunTrigger trigger,
		@Nullable String requestedBy) {

}
