package com.tiercrm.book;

import com.tiercrm.interaction.ContactDue;

import org.jspecify.annotations.Nullable;

/**
 * One customer in a rep's book.
 *
 * @param customerId the customer's id
 * @param code the customer's code
 * @param name the customer's name
 * @param tier the tier in the published run, {@code null} if not in it
 * @param contact when they were last contacted and are next due
 */
public record BookEntry(long customerId, String code, String name, @Nullable String tier, ContactDue contact) {

}
