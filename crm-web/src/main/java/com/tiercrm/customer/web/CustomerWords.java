package com.tiercrm.customer.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import com.tiercrm.account.OwnerOption;
import com.tiercrm.customer.ReferenceCatalog;
import com.tiercrm.customer.ReferenceData;
import com.tiercrm.customer.ReferenceEntry;
import com.tiercrm.customer.ReferenceKind;
import com.tiercrm.tiering.list.TierFilterOptions;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.list.TieredCustomer;
import com.tiercrm.web.Formats;
import com.tiercrm.web.OptionsHtml;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A listed customer's codes in the user's words, for the list page and the exports. The
 * page's rows and filter options are put into words here, once per request, rather than
 * by hundreds of template expressions: with eight users at once, rendering them was most
 * of the page's cost.
 */
@Component
class CustomerWords {

	private final MessageSource messages;

	private final TierLabels tierLabels;

	private final Formats formats;

	private final ReferenceData references;

	CustomerWords(MessageSource messages, TierLabels tierLabels, Formats formats, ReferenceData references) {
		this.messages = messages;
		this.tierLabels = tierLabels;
		this.formats = formats;
		this.references = references;
	}

	/**
	 * The name of a coded value, such as a status, or the code itself when the bundles
	 * have no name for it. Regions and industries are named by {@link #region} and
	 * {@link #industry}, from their tables.
	 * @param prefix the key of the kind of value, such as {@code customer.status.}
	 * @param code the value, or {@code null}
	 * @param locale the user's language
	 * @return the name, or {@code null} for no value
	 */
	@Nullable String label(String prefix, @Nullable String code, Locale locale) {
		return (code != null) ? this.messages.getMessage(prefix + code, null, code, locale) : null;
	}

	/** The name of a region code in the user's language. */
	@Nullable String region(@Nullable String code, Locale locale) {
		return this.references.catalog(ReferenceKind.REGION).name(code, locale);
	}

	/** The name of an industry code in the user's language. */
	@Nullable String industry(@Nullable String code, Locale locale) {
		return this.references.catalog(ReferenceKind.INDUSTRY).name(code, locale);
	}

	@Nullable String tier(@Nullable String code, Locale locale) {
		return (code != null) ? this.tierLabels.label(code, locale) : null;
	}

	/**
	 * The options of the list's filters in the user's words, the form's values selected.
	 */
	FilterSelects selects(TierFilterOptions options, List<OwnerOption> owners, CustomerListForm filter, Locale locale) {
		return new FilterSelects(OptionsHtml.of(owners, OwnerOption::id, OwnerOption::displayName, filter.getOwner()),
				options(this.references.catalog(ReferenceKind.REGION), filter.getRegion(), locale),
				options(this.references.catalog(ReferenceKind.INDUSTRY), filter.getIndustry(), locale),
				OptionsHtml.of(options.tiers(), (code) -> code, (code) -> this.tierLabels.label(code, locale),
						filter.getTier()),
				options(options.abcClasses(), "abc.class.", filter.getAbc(), locale),
				options(options.rfmSegments(), "rfm.segment.", filter.getRfm(), locale),
				options(options.clvClasses(), "clv.class.", filter.getClv(), locale),
				aliveOptions(options, filter.getAlive(), locale),
				options(CustomerListForm.SORTS, "customers.sort.", filter.getSort(), locale));
	}

	/** The probability-alive bands, named with their bounds. */
	private String aliveOptions(TierFilterOptions options, @Nullable String selected, Locale locale) {
		NumberFormat percent = NumberFormat.getPercentInstance(locale);
		Object[] bounds = { percent.format(options.aliveThreshold()), percent.format(options.aliveLikely()) };
		return OptionsHtml.of(CustomerListForm.BANDS, (code) -> code,
				(code) -> this.messages.getMessage("lists.alive." + code, bounds, code, locale), selected);
	}

	private String options(List<String> codes, String prefix, @Nullable String selected, Locale locale) {
		return OptionsHtml.of(codes, (code) -> code,
				(code) -> this.messages.getMessage(prefix + code, null, code, locale), selected);
	}

	private static String options(ReferenceCatalog catalog, @Nullable String selected, Locale locale) {
		return OptionsHtml.of(catalog.entries(), ReferenceEntry::code, (entry) -> entry.name(locale), selected);
	}

	List<CustomerListRow> rows(List<TieredCustomer> customers, Locale locale) {
		NumberFormat money = this.formats.moneyFormat(locale);
		ReferenceCatalog regions = this.references.catalog(ReferenceKind.REGION);
		ReferenceCatalog industries = this.references.catalog(ReferenceKind.INDUSTRY);
		return customers.stream()
			.map((c) -> new CustomerListRow(c.code(), c.name(), label("customer.type.", c.type(), locale),
					regions.name(c.region(), locale), c.city(), industries.name(c.industry(), locale), c.ownerName(),
					label("customer.status.", c.status(), locale), tier(c.tier(), locale),
					(c.monetary() != null) ? money.format(c.monetary()) : "", c.recencyDays(),
					(c.clvPredicted() != null) ? money.format(c.clvPredicted()) : ""))
			.toList();
	}

}
