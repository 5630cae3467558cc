package com.tiercrm.tiering.forecast;

import java.time.LocalDate;

import com.tiercrm.tiering.model.ClvFit;
import org.jspecify.annotations.Nullable;

/**
 * The sales forecast per tier of the published run and the holdout check behind it.
 *
 * @param runId the published run
 * @param asOf its as-of date, where the forecast starts
 * @param fit the CLV model fitted on the facts as of that date
 * @param nextMonth the next 30 days per tier code; {@code null} when the fit fell back to
 * the simple formula
 * @param nextQuarter the next 91 days per tier code; {@code null} likewise
 * @param calibrationEnd the last day the holdout check fitted on
 * @param holdout the check of the model fitted as of {@code calibrationEnd} against the
 * days up to {@code asOf}, per tier code in the published run; {@code null} when that fit
 * fell back
 */
public record PublishedRunForecast(long runId, LocalDate asOf, ClvFit fit, @Nullable SalesForecast<String> nextMonth,
		@Nullable SalesForecast<String> nextQuarter, LocalDate calibrationEnd,
		@Nullable HoldoutResult<String> holdout) {

}
