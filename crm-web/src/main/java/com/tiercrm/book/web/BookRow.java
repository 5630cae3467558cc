package com.tiercrm.book.web;

import org.jspecify.annotations.Nullable;

/**
 * One customer of a book page as the page shows it, its texts worked out once in Java
 * rather than by expressions in each of the page's 50 rows.
 *
 * @param code the customer's code
 * @param name the customer's name
 * @param tierLabel the tier's label in the user's language, {@code null} without a tier
 * @param lastContact the date of the last contact, {@code null} if never
 * @param nextDue the date the next contact is due, {@code null} if none
 * @param noCadence whether no contact cadence applies (no tier yet)
 * @param neverContacted whether a cadence applies and there was no contact yet
 * @param overdue whether the contact is due and has not happened
 * @param failed whether this row's contact form was just refused, to show it open with
 * its input and reasons
 */
record BookRow(String code, String name, @Nullable String tierLabel, @Nullable String lastContact,
		@Nullable String nextDue, boolean noCadence, boolean neverContacted, boolean overdue, boolean failed) {

}
