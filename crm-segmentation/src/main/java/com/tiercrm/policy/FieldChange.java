package com.tiercrm.policy;

import org.jspecify.annotations.Nullable;

/**
 * One field of a policy that a version changed.
 *
 * @param field the name, one of {@link PolicyTerms#FIELDS}
 * @param before the value in the previous version
 * @param after the value in this version
 */
public record FieldChange(String field, @Nullable Object before, @Nullable Object after) {

}
