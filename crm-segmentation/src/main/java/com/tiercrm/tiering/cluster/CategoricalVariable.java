package com.tiercrm.tiering.cluster;

import org.jspecify.annotations.Nullable;

/**
 * One categorical variable (industry, region, channel), a level per customer;
 * {@code null} marks a missing value.
 *
 * @param name the variable's name
 * @param values one level per row
 */
public record CategoricalVariable(String name, @Nullable String[] values) {

}
