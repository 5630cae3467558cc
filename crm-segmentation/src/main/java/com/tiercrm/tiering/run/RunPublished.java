package com.tiercrm.tiering.run;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

/**
 * A segmentation run was published: its results are the customers' current tiers. Raised
 * in the publishing transaction; listeners hear of it once that has committed, never for
 * a failed run.
 *
 * @param runId the published run
 * @param asOf its as-of date
 * @param customers how many customers it tiered
 */
@NamedInterface("run")
public record RunPublished(long runId, LocalDate asOf, int customers) {

}
