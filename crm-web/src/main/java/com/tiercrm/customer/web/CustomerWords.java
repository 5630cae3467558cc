package com.tiercrm.customer.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import com.tiercrm.tiering.TierLabels;
import com.tiercrm.tiering.TieredCustomer;
import com.tiercrm.web.Formats;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A listed customer's codes in the user's words, for the list page and the exports: the
 * page puts words together in Java once per row instead of calling the message source,
 * the tier names and the money format from dozens of template expressions.
 */
@Component
class CustomerWords {

	private final MessageSource messages;

	private final TierLabels tierLabels;

	private final Formats formats;

	CustomerWords(MessageSource messages, TierLabels tierLabels, Formats formats) {
		this.messages = messages;
		this.tierLabels = tierLabels;
		this.formats = formats;
	}

	/**
	 * The name of a coded value, such as a region or a status, or the code itself when
	 * the bundles have no name for it.
	 * @param prefix the key of the kind of value, such as {@code region.}
	 * @param code the value, or {@code null}
	 * @param locale the user's language
	 * @return the name, or {@code null} for no value
	 */
	@Nullable String label(String prefix, @Nullable String code, Locale locale) {
		return (code != null) ? this.messages.getMessage(prefix + code, null, code, locale) : null;
	}

	@Nullable String tier(@Nullable String code, Locale locale) {
		return (code != null) ? this.tierLabels.label(code, locale) : null;
	}

	List<CustomerListRow> rows(List<TieredCustomer> customers, Locale locale) {
		NumberFormat money = this.formats.moneyFormat(locale);
		return customers.stream()
			.map((c) -> new CustomerListRow(c.code(), c.name(), label("customer.type.", c.type(), locale),
					label("region.", c.region(), locale), c.city(), label("industry.", c.industry(), locale),
					c.ownerName(), label("customer.status.", c.status(), locale), tier(c.tier(), locale),
					(c.monetary() != null) ? money.format(c.monetary()) : "", c.recencyDays(),
					(c.clvPredicted() != null) ? money.format(c.clvPredicted()) : ""))
			.toList();
	}

}
