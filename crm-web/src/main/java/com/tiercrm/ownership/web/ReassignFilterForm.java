package com.tiercrm.ownership.web;

import com.tiercrm.tiering.list.AliveBand;
import com.tiercrm.tiering.list.TieredCriteria;
import com.tiercrm.tiering.list.TieredSort;
import com.tiercrm.web.QueryString;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The customer list's filters, as the list sends them to the reassignment of every
 * customer they match, and the new owner. The sort, cursor and size do not change which
 * customers match and are left out.
 */
record ReassignFilterForm(@Size(max = 100) @Nullable String q, @Pattern(regexp = "\\d{0,18}") @Nullable String owner,
		@Size(max = 30) @Nullable String region, @Size(max = 50) @Nullable String industry,
		@Pattern(regexp = "|[A-Z][A-Z0-9_]{0,9}:[A-Z0-9_]{1,29}") @Nullable String tier,
		@Pattern(regexp = "[A-Z_]{0,30}") @Nullable String abc, @Pattern(regexp = "[A-Z_]{0,30}") @Nullable String rfm,
		@Pattern(regexp = "[A-Z_]{0,30}") @Nullable String clv,
		@Pattern(regexp = "|LOW|MEDIUM|HIGH") @Nullable String alive,
		@NotNull(groups = Execution.class) @Nullable Long newOwner) {

	TieredCriteria toCriteria() {
		return new TieredCriteria(this.q, isBlank(this.owner) ? null : Long.valueOf(this.owner), this.region,
				this.industry, this.tier, this.abc, this.rfm, this.clv,
				isBlank(this.alive) ? null : AliveBand.valueOf(this.alive), TieredSort.NAME_ASC, null, 1);
	}

	/**
	 * The filters as an encoded query string, for the way back to the list.
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
			.toString();
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * The validation group of the confirmed request, which needs the new owner.
	 */
	interface Execution {

	}

}
