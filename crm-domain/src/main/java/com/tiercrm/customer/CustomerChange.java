package com.tiercrm.customer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a customer's change history: a creation, a status change or a merge, or
 * one field of an edit with its old and new value.
 *
 * @param kind what happened
 * @param field the field changed, {@code null} for a creation
 * @param oldValue the value before, as stored
 * @param newValue the value after, as stored; for a merge the other customer's code
 * @param changedBy who made the change, {@code null} if unknown
 * @param changedAt when
 * @param version the customer's version after the change
 */
public record CustomerChange(Kind kind, @Nullable String field, @Nullable String oldValue, @Nullable String newValue,
		@Nullable String changedBy, Instant changedAt, long version) {

	/**
	 * What happened to the customer.
	 */
	public enum Kind {

		CREATED, EDITED, DEACTIVATED, REACTIVATED, MERGED_INTO, MERGED_FROM

	}

}
