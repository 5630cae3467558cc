package com.tiercrm.tiering.run;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * One customer's results in one run: every model's scores and class with the reason for
 * it, and the tier. Reasons are stored as {@code key|arg|arg…} and rendered through the
 * message bundles.
 */
@NamedInterface("run")
public record CustomerSegment(long runId, LocalDate asOf, long customerId, String tier, String abcClass,
		double abcValue, int abcRank, double abcShareBefore, @Nullable String abcReason, @Nullable Integer recencyDays,
		int frequency, double monetary, int recencyScore, int frequencyScore, int monetaryScore, String rfmSegment,
		@Nullable String rfmReason, double clvHistorical, double clvPredicted, String clvMethod,
		@Nullable Double probabilityAlive, @Nullable Double expectedPurchases, @Nullable Double expectedSpend,
		int clvRank, String clvClass, @Nullable String clvReason) {

}
