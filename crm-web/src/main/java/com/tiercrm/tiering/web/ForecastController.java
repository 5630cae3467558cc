package com.tiercrm.tiering.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.account.User;
import com.tiercrm.account.UserRepository;
import com.tiercrm.customer.ReferenceCatalog;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.tiering.forecast.HoldoutCheck;
import com.tiercrm.tiering.forecast.RunForecasts;
import com.tiercrm.tiering.forecast.SalesForecasts;
import com.tiercrm.tiering.forecast.StoredForecast;
import com.tiercrm.tiering.list.TierLabels;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The published run's sales forecast (the next month and quarter per tier, region and
 * owner, with intervals) and the holdout check behind it: the page
 * {@code /tiering/forecast} and {@code GET /api/v1/segmentation/forecast}. The first
 * request for a run starts the computation; both say when it is still going.
 */
@Controller
class ForecastController {

	private final RunForecasts forecasts;

	private final TierLabels tiers;

	private final UserRepository users;

	private final ReferenceData references;

	private final MessageSource messages;

	private final JsonMapper json;

	ForecastController(RunForecasts forecasts, TierLabels tiers, UserRepository users, ReferenceData references,
			MessageSource messages, JsonMapper json) {
		this.forecasts = forecasts;
		this.tiers = tiers;
		this.users = users;
		this.references = references;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/tiering/forecast")
	String page(Model model, Locale locale) {
		StoredForecast forecast = this.forecasts.published();
		model.addAttribute("forecast", forecast);
		if (forecast != null && forecast.status() == StoredForecast.Status.DONE) {
			Map<String, String> names = names(forecast, locale);
			model.addAttribute("names", names);
			Map<String, List<GroupRow>> groups = new LinkedHashMap<>();
			for (String groupBy : List.of(SalesForecasts.BY_TIER, SalesForecasts.BY_REGION, SalesForecasts.BY_OWNER)) {
				Map<String, StoredForecast.Row> month = new HashMap<>();
				forecast.rows(StoredForecast.Kind.FORECAST, StoredForecast.MONTH, groupBy)
					.forEach((row) -> month.put(row.groupKey(), row));
				groups.put(groupBy,
						forecast.rows(StoredForecast.Kind.FORECAST, StoredForecast.QUARTER, groupBy)
							.stream()
							.map((row) -> new GroupRow(names.get(groupBy + ":" + row.groupKey()),
									month.get(row.groupKey()), row))
							.toList());
			}
			model.addAttribute("groups", groups);
			model.addAttribute("holdoutChart", this.json.writeValueAsString(holdoutChart(forecast, locale)));
		}
		return "tiering/forecast";
	}

	@GetMapping("/api/v1/segmentation/forecast")
	@ResponseBody
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
		Map<String, String> names = names(forecast, locale);
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

	/**
	 * Every group's name in the reader's language, by {@code groupBy:key}.
	 */
	private Map<String, String> names(StoredForecast forecast, Locale locale) {
		Map<String, String> names = new HashMap<>();
		String none = this.messages.getMessage("forecast.group.none", null, locale);
		ReferenceCatalog regions = this.references.catalog(ReferenceKind.REGION);
		List<Long> ownerIds = forecast.rows()
			.stream()
			.filter((row) -> row.groupBy().equals(SalesForecasts.BY_OWNER)
					&& !row.groupKey().equals(SalesForecasts.NONE))
			.map((row) -> Long.valueOf(row.groupKey()))
			.toList();
		Map<Long, String> owners = new HashMap<>();
		for (User user : this.users.findAllById(ownerIds)) {
			owners.put(user.getId(), user.getDisplayName());
		}
		for (StoredForecast.Row row : forecast.rows()) {
			String key = row.groupKey();
			String name = switch (row.groupBy()) {
				case SalesForecasts.BY_TIER -> key.equals(SalesForecasts.NONE) ? none : this.tiers.label(key, locale);
				case SalesForecasts.BY_REGION -> {
					String region = key.equals(SalesForecasts.NONE) ? null : regions.name(key, locale);
					yield (region != null) ? region : (key.equals(SalesForecasts.NONE) ? none : key);
				}
				case SalesForecasts.BY_OWNER ->
					key.equals(SalesForecasts.NONE) ? none : owners.getOrDefault(Long.valueOf(key), key);
				case RunForecasts.BY_REPEATS -> (Integer.parseInt(key) >= HoldoutCheck.REPEAT_PURCHASE_CLASSES - 1)
						? this.messages.getMessage("forecast.repeats.more",
								new Object[] { HoldoutCheck.REPEAT_PURCHASE_CLASSES - 1 }, locale)
						: key;
				default -> this.messages.getMessage("forecast.group.total", null, locale);
			};
			names.put(row.groupBy() + ":" + key, name);
		}
		return names;
	}

	/**
	 * Mean predicted against mean actual repeat purchases per customer in the holdout
	 * period, by number of repeat purchases in the calibration period (Fader, Hardie and
	 * Lee 2005, figure 4).
	 */
	private Map<String, Object> holdoutChart(StoredForecast forecast, Locale locale) {
		int days = (forecast.holdoutDays() != null) ? forecast.holdoutDays() : 0;
		List<StoredForecast.Row> rows = forecast.rows(StoredForecast.Kind.HOLDOUT, days, RunForecasts.BY_REPEATS);
		Map<String, String> names = names(forecast, locale);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "line");
		chart.put("labels",
				rows.stream().map((row) -> names.get(RunForecasts.BY_REPEATS + ":" + row.groupKey())).toList());
		chart.put("yLabel", this.messages.getMessage("forecast.chart.y", null, locale));
		chart.put("datasets",
				List.of(Map.of("label", this.messages.getMessage("forecast.chart.predicted", null, locale), "data",
						rows.stream().map((row) -> round(row.meanExpectedPurchases())).toList()),
						Map.of("label", this.messages.getMessage("forecast.chart.actual", null, locale), "data",
								rows.stream().map((row) -> round(row.meanActualPurchases())).toList())));
		return chart;
	}

	/**
	 * One group's forecast on the page: the next month's and the next quarter's.
	 */
	record GroupRow(String name, StoredForecast.@Nullable Row month, StoredForecast.Row quarter) {

	}

	private static double round(double value) {
		return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : 0;
	}

}
