package com.tiercrm.tiering.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.TierOrder;
import org.jspecify.annotations.Nullable;

/**
 * A run as the runs page lists it, its tier distribution in tier rank order.
 */
record RunRow(long id, String status, LocalDate asOf, long configId, String trigger, @Nullable String requestedBy,
		Instant startedAt, @Nullable Integer customers, @Nullable Double seconds, @Nullable String tierModel,
		List<Map.Entry<String, Long>> tiers, @Nullable String error) {

	static RunRow of(SegmentationRun run, TierOrder order) {
		RunReport report = run.report();
		Double seconds = (run.getFinishedAt() != null)
				? Duration.between(run.getStartedAt(), run.getFinishedAt()).toMillis() / 1000.0 : null;
		List<Map.Entry<String, Long>> tiers = (report != null)
				? report.tiers().entrySet().stream().sorted(Map.Entry.comparingByKey(order.bestFirst())).toList()
				: List.of();
		return new RunRow(run.getId(), run.getStatus().name(), run.getAsOf(), run.getConfigId(),
				run.getTrigger().name(), run.getRequestedBy(), run.getStartedAt(), run.getCustomers(), seconds,
				(report != null) ? report.tierModel() : null, tiers, run.getFailureCode());
	}

	boolean running() {
		return "RUNNING".equals(this.status);
	}

}
