package com.tiercrm.book.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A group of a book page's rows: the overdue ones, or those of one tier.
 *
 * @param overdue whether this is the group of overdue customers
 * @param tier the tier's code, empty for customers without a tier and for the overdue
 * group
 * @param tierLabel the tier's label in the user's language, {@code null} if no tier
 * @param rows the customers, in book order
 */
record BookSection(boolean overdue, String tier, @Nullable String tierLabel, List<BookRow> rows) {

}
