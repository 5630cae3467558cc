package com.tiercrm.customer.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import com.tiercrm.tiering.AliveBand;
import com.tiercrm.tiering.TieredCriteria;
import com.tiercrm.tiering.TieredSort;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The customer page's query string: {@code q}, the plain filters, the tier filters
 * ({@code tier}, {@code abc}, {@code rfm}, {@code clv}, {@code alive}), {@code sort},
 * {@code cursor} and {@code size}. Values stay text until validated, so that a mistyped
 * one comes back on the form instead of failing the request.
 */
record CustomerListForm(@Nullable @Size(max = 100) String q, @Nullable @Pattern(regexp = "\\d{0,18}") String owner,
		@Nullable @Size(max = 30) String region, @Nullable @Size(max = 50) String industry,
		@Nullable @Pattern(regexp = "|[A-Z]{1,10}:[A-Z_]{1,29}") String tier,
		@Nullable @Pattern(regexp = "[A-Z_]{0,30}") String abc, @Nullable @Pattern(regexp = "[A-Z_]{0,30}") String rfm,
		@Nullable @Pattern(regexp = "[A-Z_]{0,30}") String clv,
		@Nullable @Pattern(regexp = "|LOW|MEDIUM|HIGH") String alive,
		@Nullable @Pattern(
				regexp = "|NAME_ASC|NAME_DESC|CODE_ASC|CODE_DESC|NEWEST|MONETARY_DESC|RECENCY_ASC|CLV_DESC") String sort,
		@Nullable @Size(max = 1000) String cursor, @Nullable @Pattern(regexp = "\\d{0,4}") String size) {

	static final int DEFAULT_SIZE = 25;

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
		StringJoiner builder = new StringJoiner("&");
		add(builder, "q", this.q);
		add(builder, "owner", this.owner);
		add(builder, "region", this.region);
		add(builder, "industry", this.industry);
		add(builder, "tier", this.tier);
		add(builder, "abc", this.abc);
		add(builder, "rfm", this.rfm);
		add(builder, "clv", this.clv);
		add(builder, "alive", this.alive);
		add(builder, "sort", this.sort);
		add(builder, "size", this.size);
		return builder.toString();
	}

	private static void add(StringJoiner builder, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			builder.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
