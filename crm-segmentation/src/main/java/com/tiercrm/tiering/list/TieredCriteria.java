package com.tiercrm.tiering.list;

import org.jspecify.annotations.Nullable;

/**
 * What a user asks of the tiered customer list: the plain customer filters plus the
 * published run's tier, classes and probability-alive band, a sort and a keyset cursor.
 *
 * @param text part of a name, the start of a code, or digits of a phone number
 * @param ownerId only customers of this owner
 * @param region only customers in this region
 * @param industry only customers in this industry
 * @param tier only customers in this tier, such as {@code ABC:A}
 * @param abcClass only customers of this ABC class
 * @param rfmSegment only customers of this RFM segment
 * @param clvClass only customers of this CLV class
 * @param alive only customers in this probability-alive band
 * @param sort the order of the list
 * @param cursor where the page starts; {@code null} for the first page
 * @param size rows per page
 */
public record TieredCriteria(@Nullable String text, @Nullable Long ownerId, @Nullable String region,
		@Nullable String industry, @Nullable String tier, @Nullable String abcClass, @Nullable String rfmSegment,
		@Nullable String clvClass, @Nullable AliveBand alive, TieredSort sort, @Nullable String cursor, int size) {

	/** The most rows a page holds. */
	public static final int MAX_SIZE = 200;

	public TieredCriteria {
		text = blankToNull(text);
		region = blankToNull(region);
		industry = blankToNull(industry);
		tier = blankToNull(tier);
		abcClass = blankToNull(abcClass);
		rfmSegment = blankToNull(rfmSegment);
		clvClass = blankToNull(clvClass);
		cursor = blankToNull(cursor);
		size = Math.clamp(size, 1, MAX_SIZE);
	}

	/**
	 * The first page of all customers by name.
	 * @param size rows per page
	 * @return the criteria
	 */
	public static TieredCriteria byName(int size) {
		return new TieredCriteria(null, null, null, null, null, null, null, null, null, TieredSort.NAME_ASC, null,
				size);
	}

	/**
	 * The same filters and sort from another page.
	 * @param cursor where the page starts
	 * @return the criteria
	 */
	public TieredCriteria at(@Nullable String cursor) {
		return new TieredCriteria(this.text, this.ownerId, this.region, this.industry, this.tier, this.abcClass,
				this.rfmSegment, this.clvClass, this.alive, this.sort, cursor, this.size);
	}

	boolean filtersBySegment() {
		return this.tier != null || this.abcClass != null || this.rfmSegment != null || this.clvClass != null
				|| this.alive != null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
