/**
 * Saved views of the customer list: a name for a filter and a sort, kept by one user or
 * shared with their team.
 */
@NullMarked
package com.tiercrm.savedview;

import org.jspecify.annotations.NullMarked;
