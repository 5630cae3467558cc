package com.tiercrm.customer.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.tiercrm.tiering.list.AliveBand;
import com.tiercrm.tiering.list.TierFilterOptions;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredSort;
import com.tiercrm.web.QueryString;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The query string of the customer page, its exports and {@code GET /api/v1/customers}:
 * {@code q}, the plain filters, the tier filters ({@code tier}, {@code abc}, {@code rfm},
 * {@code clv}, {@code alive}), {@code sort}, {@code cursor} and {@code size}. Values stay
 * text until validated, so that a mistyped one comes back on the form instead of failing
 * the request.
 * <p>
 * A bean bound by its setters rather than a record: binding a record's twelve constructor
 * parameters reads their annotations anew on every request, a seventh of the list page's
 * time with eight users at once.
 */
class CustomerListForm {

	@Size(max = 100)
	private @Nullable String q;

	@Pattern(regexp = "\\d{0,18}")
	private @Nullable String owner;

	@Size(max = 30)
	private @Nullable String region;

	@Size(max = 50)
	private @Nullable String industry;

	@Pattern(regexp = "|[A-Z][A-Z0-9_]{0,9}:[A-Z0-9_]{1,29}")
	private @Nullable String tier;

	@Pattern(regexp = "[A-Z_]{0,30}")
	private @Nullable String abc;

	@Pattern(regexp = "[A-Z_]{0,30}")
	private @Nullable String rfm;

	@Pattern(regexp = "[A-Z_]{0,30}")
	private @Nullable String clv;

	@Pattern(regexp = "|LOW|MEDIUM|HIGH")
	private @Nullable String alive;

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
		rejectUnknown(errors, "tier", this.tier, options.tiers());
		rejectUnknown(errors, "abc", this.abc, options.abcClasses());
		rejectUnknown(errors, "rfm", this.rfm, options.rfmSegments());
		rejectUnknown(errors, "clv", this.clv, options.clvClasses());
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
		return new TieredCriteria(this.q, isBlank(this.owner) ? null : Long.valueOf(this.owner), this.region,
				this.industry, this.tier, this.abc, this.rfm, this.clv,
				isBlank(this.alive) ? null : AliveBand.valueOf(this.alive),
				isBlank(this.sort) ? TieredSort.NAME_ASC : TieredSort.valueOf(this.sort), this.cursor,
				isBlank(this.size) ? DEFAULT_SIZE : Integer.parseInt(this.size));
	}

	/**
	 * The filters, sort and size as an encoded query string without the cursor, for links
	 * to other pages and to the exports.
	 */
	String query() {
		return new QueryString().add("q", this.q)
			.add("owner", this.owner)
			.add("region", this.region)
			.add("industry", this.industry)
			.add("tier", this.tier)
			.add("abc", this.abc)
			.add("rfm", this.rfm)
			.add("clv", this.clv)
			.add("alive", this.alive)
			.add("sort", this.sort)
			.add("size", this.size)
			.toString();
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	public @Nullable String getQ() {
		return this.q;
	}

	public void setQ(@Nullable String q) {
		this.q = q;
	}

	public @Nullable String getOwner() {
		return this.owner;
	}

	public void setOwner(@Nullable String owner) {
		this.owner = owner;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable String getIndustry() {
		return this.industry;
	}

	public void setIndustry(@Nullable String industry) {
		this.industry = industry;
	}

	public @Nullable String getTier() {
		return this.tier;
	}

	public void setTier(@Nullable String tier) {
		this.tier = tier;
	}

	public @Nullable String getAbc() {
		return this.abc;
	}

	public void setAbc(@Nullable String abc) {
		this.abc = abc;
	}

	public @Nullable String getRfm() {
		return this.rfm;
	}

	public void setRfm(@Nullable String rfm) {
		this.rfm = rfm;
	}

	public @Nullable String getClv() {
		return this.clv;
	}

	public void setClv(@Nullable String clv) {
		this.clv = clv;
	}

	public @Nullable String getAlive() {
		return this.alive;
	}

	public void setAlive(@Nullable String alive) {
		this.alive = alive;
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
