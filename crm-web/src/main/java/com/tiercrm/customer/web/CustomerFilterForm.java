package com.tiercrm.customer.web;

import com.tiercrm.tiering.list.AliveBand;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredSort;
import com.tiercrm.web.QueryString;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * The customer list's filters as its query string names them: {@code q}, the plain
 * filters ({@code owner}, {@code region}, {@code industry}) and the tier filters
 * ({@code tier}, {@code abc}, {@code rfm}, {@code clv}, {@code alive}). The list itself
 * ({@link CustomerListForm}) adds its sort and page; the reassignment of every customer a
 * filter matches takes the same filters. Values stay text until validated, so that a
 * mistyped one comes back on the form instead of failing the request.
 */
@NamedInterface("filter")
public class CustomerFilterForm {

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

	/**
	 * The criteria these filters ask for, in the given order and page.
	 */
	protected TieredCriteria toCriteria(TieredSort sort, @Nullable String cursor, int size) {
		return new TieredCriteria(this.q, isBlank(this.owner) ? null : Long.valueOf(this.owner), this.region,
				this.industry, this.tier, this.abc, this.rfm, this.clv,
				isBlank(this.alive) ? null : AliveBand.valueOf(this.alive), sort, cursor, size);
	}

	/**
	 * The filters as a query string, for links that keep them.
	 */
	protected QueryString filterQuery() {
		return new QueryString().add("q", this.q)
			.add("owner", this.owner)
			.add("region", this.region)
			.add("industry", this.industry)
			.add("tier", this.tier)
			.add("abc", this.abc)
			.add("rfm", this.rfm)
			.add("clv", this.clv)
			.add("alive", this.alive);
	}

	protected static boolean isBlank(@Nullable String value) {
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

}
