package com.tiercrm.tiering;

import java.time.LocalDate;

/**
 * A customer's tier in one succeeded run.
 */
public record TierHistoryEntry(long runId, LocalDate asOf, String tier, String abcClass, String rfmSegment,
		String clvClass) {

}
