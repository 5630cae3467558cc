package com.tiercrm.forecast.web;

import java.util.HashMap;
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

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The names of a forecast's groups in the reader's language, for its page and its API:
 * tiers, regions, owners and numbers of repeat purchases.
 */
@Component
class ForecastNames {

	private final TierLabels tiers;

	private final UserRepository users;

	private final ReferenceData references;

	private final MessageSource messages;

	ForecastNames(TierLabels tiers, UserRepository users, ReferenceData references, MessageSource messages) {
		this.tiers = tiers;
		this.users = users;
		this.references = references;
		this.messages = messages;
	}

	/**
	 * Every group's name in the reader's language, by {@code groupBy:key}.
	 */
	Map<String, String> of(StoredForecast forecast, Locale locale) {
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

}
