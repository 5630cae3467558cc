package com.tiercrm.customer;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of customers with the cursors of its neighbours; there is deliberately no total
 * count.
 *
 * @param items the rows
 * @param next cursor of the next page, {@code null} on the last page
 * @param previous cursor of the previous page, {@code null} on the first page
 */
public record CustomerPage(List<CustomerSummary> items, @Nullable String next, @Nullable String previous) {

}
