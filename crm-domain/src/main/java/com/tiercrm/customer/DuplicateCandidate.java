package com.tiercrm.customer;

import org.jspecify.annotations.Nullable;

/**
 * An existing customer that a new one may duplicate. A customer outside the caller's
 * scope is named by its owner only: its code and name stay hidden.
 *
 * @param code the customer's code, {@code null} when not visible to the caller
 * @param name the customer's name, {@code null} when not visible to the caller
 * @param city the customer's city, {@code null} when not visible to the caller
 * @param ownerName who owns it
 * @param samePhone whether the normalised phone numbers are equal
 * @param sameEmail whether the e-mail addresses are equal
 * @param similarName whether the names are very similar in the same city
 */
public record DuplicateCandidate(@Nullable String code, @Nullable String name, @Nullable String city,
		@Nullable String ownerName, boolean samePhone, boolean sameEmail, boolean similarName) {

	public boolean visible() {
		return this.code != null;
	}

}
