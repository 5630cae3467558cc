package com.tiercrm.forecast.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tiercrm.tiering.forecast.RunForecasts;
import com.tiercrm.tiering.forecast.SalesForecasts;
import com.tiercrm.tiering.forecast.StoredForecast;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The published run's sales forecast (the next month and quarter per tier, region and
 * owner, with intervals) and the holdout check behind it on {@code /tiering/forecast}.
 * The first request for a run starts the computation; the page says when it is still
 * going.
 */
@Controller
class ForecastController {

	private final RunForecasts forecasts;

	private final ForecastNames names;

	private final MessageSource messages;

	private final JsonMapper json;

	ForecastController(RunForecasts forecasts, ForecastNames names, MessageSource messages, JsonMapper json) {
		this.forecasts = forecasts;
		this.names = names;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/tiering/forecast")
	String page(Model model, Locale locale) {
		StoredForecast forecast = this.forecasts.published();
		model.addAttribute("forecast", forecast);
		if (forecast != null && forecast.status() == StoredForecast.Status.DONE) {
			Map<String, String> names = this.names.of(forecast, locale);
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
			model.addAttribute("holdoutChart", this.json.writeValueAsString(holdoutChart(forecast, names, locale)));
		}
		return "tiering/forecast";
	}

	/**
	 * Mean predicted against mean actual repeat purchases per customer in the holdout
	 * period, by number of repeat purchases in the calibration period (Fader, Hardie and
	 * Lee 2005, figure 4).
	 */
	private Map<String, Object> holdoutChart(StoredForecast forecast, Map<String, String> names, Locale locale) {
		int days = (forecast.holdoutDays() != null) ? forecast.holdoutDays() : 0;
		List<StoredForecast.Row> rows = forecast.rows(StoredForecast.Kind.HOLDOUT, days, RunForecasts.BY_REPEATS);
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
