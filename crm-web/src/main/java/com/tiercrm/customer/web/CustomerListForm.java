package com.tiercrm.customer.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.tiercrm.tiering.list.AliveBand;
import com.tiercrm.tiering.list.TierFilterOptions;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredSort;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The query string of the customer page, its exports and {@code GET /api/v1/customers}:
 * the filters ({@link CustomerFilterForm}), {@code sort}, {@code cursor} and
 * {@code size}.
 * <p>
 * A bean bound by its setters rather than a record: binding a record's twelve constructor
 * parameters reads their annotations anew on every request, a seventh of the list page's
 * time with eight users at once.
 */
class CustomerListForm extends CustomerFilterForm {

	@Pattern(regexp = "|NAME_ASC|NAME_DESC|CODE_ASC|CODE_DESC|NEWEST|MONETARY_DESC|RECENCY_ASC|CLV_DESC")
	private @Nullable String sort;

	@Size(max = 1000)
	private @Nullable String cursor;

	@Pattern(regexp = "\\d{0,4}")
	private @Nullable String size;

	static final int DEFAULT_SIZE = 25;

	static final List<String> SORTS = Stream.of(TieredSort.values()).map(TieredSort::name).toList();

	static final List<String> BANDS = Stream.of(AliveBand.values()).map(AliveBand::name).toList();

	/**
	 * The values each enumerated parameter takes: the sorts and bands, and the tiers and
	 * classes the list offers.
	 * @param options the tiers and classes of the list
	 * @return allowed values by parameter name
	 */
	static Map<String, List<String>> allowedValues(TierFilterOptions options) {
		return Map.of("sort", SORTS, "alive", BANDS, "tier", options.tiers(), "abc", options.abcClasses(), "rfm",
				options.rfmSegments(), "clv", options.clvClasses());
	}

	/**
	 * Rejects a tier, class or segment the list does not offer, which could only ever
	 * show an empty list.
	 * @param options the tiers and classes of the list
	 * @param errors where to record the rejection
	 */
	void rejectUnknownValues(TierFilterOptions options, Errors errors) {
		rejectUnknown(errors, "tier", getTier(), options.tiers());
		rejectUnknown(errors, "abc", getAbc(), options.abcClasses());
		rejectUnknown(errors, "rfm", getRfm(), options.rfmSegments());
		rejectUnknown(errors, "clv", getClv(), options.clvClasses());
	}

	private static void rejectUnknown(Errors errors, String field, @Nullable String value, List<String> allowed) {
		if (!isBlank(value) && !errors.hasFieldErrors(field) && !allowed.contains(value.strip())) {
			errors.rejectValue(field, "filter.unknownValue");
		}
	}

	/**
	 * The criteria these values ask for; page sizes are clamped.
	 */
	TieredCriteria toCriteria() {
		return toCriteria(isBlank(this.sort) ? TieredSort.NAME_ASC : TieredSort.valueOf(this.sort), this.cursor,
				isBlank(this.size) ? DEFAULT_SIZE : Integer.parseInt(this.size));
	}

	/**
	 * The filters, sort and size as an encoded query string without the cursor, for links
	 * to other pages and to the exports.
	 */
	String query() {
		return filterQuery().add("sort", this.sort).add("size", this.size).toString();
	}

	public @Nullable String getSort() {
		return this.sort;
	}

	public void setSort(@Nullable String sort) {
		this.sort = sort;
	}

	public @Nullable String getCursor() {
		return this.cursor;
	}

	public void setCursor(@Nullable String cursor) {
		this.cursor = cursor;
	}

	public @Nullable String getSize() {
		return this.size;
	}

	public void setSize(@Nullable String size) {
		this.size = size;
	}

}
