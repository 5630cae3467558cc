package com.tiercrm.policy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.insight.TierMetrics;

/**
 * How the evaluation compares a tier over time: every run, or the last run of each month,
 * quarter or year (each run's figures are as of its date, so the last one of a period
 * stands for the period's end).
 */
enum EvaluationPeriod {

	RUN, MONTH, QUARTER, YEAR;

	/**
	 * The period a date falls in, such as {@code 2026-Q4}; each run its own for
	 * {@link #RUN}.
	 */
	String of(LocalDate date, long runId) {
		return switch (this) {
			case RUN -> "#" + runId;
			case MONTH -> date.getYear() + "-" + String.format("%02d", date.getMonthValue());
			case QUARTER -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
			case YEAR -> String.valueOf(date.getYear());
		};
	}

	/**
	 * A tier's runs, oldest first, keeping the last run of each period.
	 * @param runs the tier's runs, oldest first
	 * @return the runs kept, oldest first
	 */
	List<TierMetrics> lastOfEach(List<TierMetrics> runs) {
		Map<String, TierMetrics> last = new LinkedHashMap<>();
		for (TierMetrics run : runs) {
			String key = of(run.asOf(), run.runId());
			last.remove(key);
			last.put(key, run);
		}
		return new ArrayList<>(last.values());
	}

}
