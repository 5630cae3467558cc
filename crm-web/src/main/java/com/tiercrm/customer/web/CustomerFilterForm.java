package com.tiercrm.customer.web;

import com.tiercrm.customer.CustomerCriteria;
import com.tiercrm.customer.CustomerSort;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The customer list's query string: {@code q}, filters, {@code sort}, {@code cursor} and
 * {@code size}. Values stay text until validated, so that a mistyped one comes back on
 * the form instead of failing the request.
 */
record CustomerFilterForm(@Nullable @Size(max = 100) String q, @Nullable @Pattern(regexp = "\\d{0,18}") String owner,
		@Nullable @Size(max = 30) String region, @Nullable @Size(max = 50) String industry,
		@Nullable @Pattern(regexp = "|NAME_ASC|NAME_DESC|CODE_ASC|CODE_DESC|NEWEST") String sort,
		@Nullable @Size(max = 1000) String cursor, @Nullable @Pattern(regexp = "\\d{0,4}") String size) {

	static final int DEFAULT_SIZE = 25;

	/**
	 * The criteria these values ask for; page sizes outside 1 to
	 * {@value CustomerCriteria#MAX_SIZE} are clamped.
	 */
	CustomerCriteria toCriteria() {
		return new CustomerCriteria(this.q, isBlank(this.owner) ? null : Long.valueOf(this.owner), this.region,
				this.industry, isBlank(this.sort) ? CustomerSort.NAME_ASC : CustomerSort.valueOf(this.sort),
				this.cursor, isBlank(this.size) ? DEFAULT_SIZE : Integer.parseInt(this.size));
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
