package com.tiercrm.tiering.list;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of the tiered customer list with the cursors of its neighbours; no total count.
 *
 * @param items the rows
 * @param next cursor of the next page, {@code null} on the last page
 * @param previous cursor of the previous page, {@code null} on the first page
 */
public record TieredPage(List<TieredCustomer> items, @Nullable String next, @Nullable String previous) {

}
