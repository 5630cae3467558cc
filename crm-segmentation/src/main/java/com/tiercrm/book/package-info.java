/**
 * The rep's book: the customers a rep owns grouped by tier, when each is next due for
 * contact under the tier's service policy, and who is overdue.
 */
@NullMarked
package com.tiercrm.book;

import org.jspecify.annotations.NullMarked;
