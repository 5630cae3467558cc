package com.tiercrm.customer.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.tiercrm.customer.ChannelType;
import com.tiercrm.customer.CustomerDetails;
import com.tiercrm.customer.CustomerType;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.web.OptionsHtml;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The choices of the customer form in the user's words, each as {@code <option>} elements
 * with the form's value selected. A value outside the fixed lists (an imported channel or
 * occupation) stays offered, so that saving does not lose it.
 */
@Component
class CustomerFormOptions {

	/** The acquisition channels the bundles name. */
	static final List<String> CHANNELS = List.of("TMALL", "JD", "WEBSITE", "WECHAT_MINI", "STORE", "TRADE_SHOW",
			"REFERRAL");

	private final MessageSource messages;

	private final ReferenceData references;

	CustomerFormOptions(MessageSource messages, ReferenceData references) {
		this.messages = messages;
		this.references = references;
	}

	Selects of(CustomerForm form, Locale locale) {
		return new Selects(
				OptionsHtml.of(Arrays.asList(CustomerType.values()), CustomerType::name,
						(type) -> label("customer.type.", type.name(), locale), form.type()),
				OptionsHtml.of(this.references.catalog(ReferenceKind.REGION).entries(), ReferenceEntry::code,
						(entry) -> entry.name(locale), form.region()),
				OptionsHtml.of(this.references.catalog(ReferenceKind.INDUSTRY).entries(), ReferenceEntry::code,
						(entry) -> entry.name(locale), form.industry()),
				OptionsHtml.of(Arrays.asList(ChannelType.values()), ChannelType::name,
						(type) -> label("channelType.", type.name(), locale), form.channelType()),
				coded(CHANNELS, "channel.", form.channel(), locale),
				coded(CustomerDetails.GENDERS, "gender.", form.gender(), locale),
				coded(CustomerDetails.AGE_BANDS, "ageBand.", form.ageBand(), locale),
				coded(CustomerDetails.INCOME_BANDS, "income.", form.incomeBand(), locale),
				coded(CustomerDetails.OCCUPATIONS, "occupation.", form.occupation(), locale));
	}

	private String coded(List<String> codes, String prefix, @Nullable String selected, Locale locale) {
		List<String> offered = new ArrayList<>(codes);
		if (selected != null && !selected.isBlank() && !offered.contains(selected)) {
			offered.add(selected);
		}
		return OptionsHtml.of(offered, (code) -> code, (code) -> label(prefix, code, locale), selected);
	}

	private String label(String prefix, String code, Locale locale) {
		return this.messages.getMessage(prefix + code, null, code, locale);
	}

	/**
	 * The options of each select of the form, as escaped HTML.
	 */
	record Selects(String type, String region, String industry, String channelType, String channel, String gender,
			String ageBand, String incomeBand, String occupation) {

	}

}
