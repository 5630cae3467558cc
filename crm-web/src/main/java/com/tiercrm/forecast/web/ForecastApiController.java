package com.tiercrm.forecast.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.tiering.forecast.RunForecasts;
import com.tiercrm.tiering.forecast.SalesForecasts;
import com.tiercrm.tiering.forecast.StoredForecast;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/segmentation/forecast}: the published run's sales forecast and
 * holdout check, with the groups' names in the caller's language; 202 while it is being
 * computed (the first request starts it).
 */
@RestController
class ForecastApiController {

	private final RunForecasts forecasts;

	private final ForecastNames names;

	private final MessageSource messages;

	ForecastApiController(RunForecasts forecasts, ForecastNames names, MessageSource messages) {
		this.forecasts = forecasts;
		this.names = names;
		this.messages = messages;
	}

	@GetMapping("/api/v1/segmentation/forecast")
	ResponseEntity<Map<String, Object>> api(Locale locale) {
		StoredForecast forecast = this.forecasts.published();
		if (forecast == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("detail", this.messages.getMessage("forecast.page.none", null, locale)));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("runId", forecast.runId());
		body.put("status", forecast.status());
		if (forecast.status() == StoredForecast.Status.RUNNING) {
			return ResponseEntity.accepted().header("Retry-After", "5").body(body);
		}
		if (forecast.status() == StoredForecast.Status.FAILED) {
			body.put("errorCode", forecast.errorCode());
			body.put("detail", this.messages.getMessage("forecast.page.failed", null, locale));
			return ResponseEntity.ok(body);
		}
		Map<String, String> names = this.names.of(forecast, locale);
		body.put("asOf", forecast.asOf());
		body.put("intervalLevel", forecast.level());
		body.put("nextMonth", horizon(forecast, StoredForecast.MONTH, names));
		body.put("nextQuarter", horizon(forecast, StoredForecast.QUARTER, names));
		Map<String, Object> holdout = new LinkedHashMap<>();
		holdout.put("calibrationEnd", forecast.calibrationEnd());
		holdout.put("holdoutDays", forecast.holdoutDays());
		holdout.put("customers", forecast.holdoutCustomers());
		holdout.put("meanAbsoluteError", forecast.meanAbsoluteError());
		holdout.put("correlation", forecast.correlation());
		int days = (forecast.holdoutDays() != null) ? forecast.holdoutDays() : 0;
		holdout.put("byRepeatPurchases",
				rows(forecast.rows(StoredForecast.Kind.HOLDOUT, days, RunForecasts.BY_REPEATS), names));
		holdout.put("byTier", rows(forecast.rows(StoredForecast.Kind.HOLDOUT, days, SalesForecasts.BY_TIER), names));
		holdout.put("backtestByTier",
				rows(forecast.rows(StoredForecast.Kind.BACKTEST, days, SalesForecasts.BY_TIER), names));
		forecast.total(StoredForecast.Kind.BACKTEST, days)
			.ifPresent((row) -> holdout.put("backtestTotal", row(row, names)));
		body.put("holdout", holdout);
		return ResponseEntity.ok(body);
	}

	private Map<String, Object> horizon(StoredForecast forecast, int days, Map<String, String> names) {
		Map<String, Object> horizon = new LinkedHashMap<>();
		horizon.put("days", days);
		forecast.total(StoredForecast.Kind.FORECAST, days).ifPresent((row) -> horizon.put("total", row(row, names)));
		for (String groupBy : List.of(SalesForecasts.BY_TIER, SalesForecasts.BY_REGION, SalesForecasts.BY_OWNER)) {
			horizon.put(groupBy, rows(forecast.rows(StoredForecast.Kind.FORECAST, days, groupBy), names));
		}
		return horizon;
	}

	private static List<Map<String, Object>> rows(List<StoredForecast.Row> rows, Map<String, String> names) {
		return rows.stream().map((row) -> row(row, names)).toList();
	}

	private static Map<String, Object> row(StoredForecast.Row row, Map<String, String> names) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", row.groupKey());
		json.put("name", names.getOrDefault(row.groupBy() + ":" + row.groupKey(), row.groupKey()));
		json.put("customers", row.customers());
		json.put("expectedPurchases", row.expectedPurchases());
		putIfPresent(json, "purchasesLow", row.purchasesLow());
		putIfPresent(json, "purchasesHigh", row.purchasesHigh());
		json.put("expectedRevenue", row.expectedRevenue());
		putIfPresent(json, "revenueLow", row.revenueLow());
		putIfPresent(json, "revenueHigh", row.revenueHigh());
		putIfPresent(json, "actualPurchases", row.actualPurchases());
		putIfPresent(json, "actualRevenue", row.actualRevenue());
		return json;
	}

	private static void putIfPresent(Map<String, Object> json, String name, @Nullable Double value) {
		if (value != null) {
			json.put(name, value);
		}
	}

}
