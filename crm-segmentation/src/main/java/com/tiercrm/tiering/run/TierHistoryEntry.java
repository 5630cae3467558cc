package com.tiercrm.tiering.run;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

/**
 * A customer's tier in one succeeded run.
 */
@NamedInterface("run")
public record TierHistoryEntry(long runId, LocalDate asOf, String tier, String abcClass, String rfmSegment,
		String clvClass) {

}
