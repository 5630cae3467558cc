/**
 * The order of a rep's book and of a rep's list sorted by a result, kept as narrow rows
 * per customer ({@code book_keys}, {@code list_keys}): the customer's side written by
 * whatever changes a customer, the run's side by the tiering module when a run is
 * published.
 */
@NullMarked
package com.tiercrm.bookorder;

import org.jspecify.annotations.NullMarked;
