package com.tiercrm.tiering.forecast;

import java.time.LocalDate;
import java.util.Map;

import com.tiercrm.tiering.model.ClvFit;
import org.jspecify.annotations.Nullable;

/**
 * The sales forecast of the published run per tier, region and owner, and the holdout
 * check behind it.
 *
 * @param runId the published run
 * @param asOf its as-of date, where the forecast starts
 * @param fit the CLV model fitted on the facts as of that date
 * @param nextMonth the next 30 days by grouping ({@link SalesForecasts#BY_TIER},
 * {@link SalesForecasts#BY_REGION}, {@link SalesForecasts#BY_OWNER}); empty when the fit
 * fell back to the simple formula
 * @param nextQuarter the next 91 days likewise
 * @param calibrationEnd the last day the holdout check fitted on
 * @param holdout the check of the model fitted as of {@code calibrationEnd} against the
 * days up to {@code asOf}, per tier code in the published run; {@code null} when that fit
 * fell back
 */
public record PublishedRunForecast(long runId, LocalDate asOf, ClvFit fit, Map<String, SalesForecast<String>> nextMonth,
		Map<String, SalesForecast<String>> nextQuarter, LocalDate calibrationEnd,
		@Nullable HoldoutResult<String> holdout) {

}
