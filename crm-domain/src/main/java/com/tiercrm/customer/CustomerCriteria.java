package com.tiercrm.customer;

import org.jspecify.annotations.Nullable;

/**
 * What a user asks of the customer list: a text to look for in name, code or phone,
 * filters, a sort and the keyset cursor of the page to show.
 *
 * @param text part of a name, the start of a code, or digits of a phone number
 * @param ownerId only customers of this owner
 * @param region only customers in this region
 * @param industry only customers in this industry
 * @param sort the order of the list
 * @param cursor where the page starts, from a previous {@link CustomerPage}; {@code null}
 * for the first page
 * @param size rows per page
 */
public record CustomerCriteria(@Nullable String text, @Nullable Long ownerId, @Nullable String region,
		@Nullable String industry, CustomerSort sort, @Nullable String cursor, int size) {

	public static final int MAX_SIZE = 200;

	public CustomerCriteria {
		text = blankToNull(text);
		region = blankToNull(region);
		industry = blankToNull(industry);
		cursor = blankToNull(cursor);
		size = Math.clamp(size, 1, MAX_SIZE);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
