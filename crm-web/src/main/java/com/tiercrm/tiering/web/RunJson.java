package com.tiercrm.tiering.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.tiering.run.RunReport;
import com.tiercrm.tiering.run.SegmentationRun;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * A run as the API shows it: status and dates, and once it succeeded the class counts,
 * CLV fit, timings and the revenue (net of returns) in total and per tier.
 */
record RunJson(long id, String status, LocalDate asOf, long configId, String trigger, @Nullable String requestedBy,
		Instant startedAt, @Nullable Instant finishedAt, @Nullable Integer customers, @Nullable String error,
		@Nullable String errorMessage, @Nullable String tierModel, @Nullable Map<String, Long> abc,
		@Nullable Map<String, Long> rfm, @Nullable Map<String, Long> clvClasses, @Nullable Map<String, Long> tiers,
		RunReport.@Nullable ClvDiagnostics clv, RunReport.@Nullable Timings timings,
		RunReport.@Nullable Revenue revenue) {

	/**
	 * The run, with why it failed or was cancelled in the reader's language.
	 */
	static RunJson of(SegmentationRun run, MessageSource messages, Locale locale) {
		RunReport report = run.report();
		String error = run.getFailureCode();
		String errorMessage = (error != null)
				? messages.getMessage(error, null, messages.getMessage("runs.failure.error", null, locale), locale)
				: null;
		return new RunJson(run.getId(), run.getStatus().name(), run.getAsOf(), run.getConfigId(),
				run.getTrigger().name(), run.getRequestedBy(), run.getStartedAt(), run.getFinishedAt(),
				run.getCustomers(), error, errorMessage, (report != null) ? report.tierModel() : null,
				(report != null) ? report.abc() : null, (report != null) ? report.rfm() : null,
				(report != null) ? report.clvClasses() : null, (report != null) ? report.tiers() : null,
				(report != null) ? report.clv() : null, (report != null) ? report.timings() : null,
				(report != null) ? report.revenue() : null);
	}

}
