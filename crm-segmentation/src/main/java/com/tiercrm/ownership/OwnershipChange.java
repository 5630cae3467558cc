package com.tiercrm.ownership;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One change of a customer's owner, as the customer's history shows it.
 *
 * @param at when
 * @param byName who reassigned
 * @param fromName the previous owner, {@code null} if there was none
 * @param toName the new owner
 * @param selection how the customer was chosen
 * @param customers how many customers the same reassignment moved
 */
public record OwnershipChange(Instant at, String byName, @Nullable String fromName, String toName, Selection selection,
		int customers) {

}
