/**
 * A rep's day: their follow-ups due, the contacts overdue by tier cadence, and the
 * customers the last published run moved down or whose probability of being alive fell
 * below the churn threshold, each read for the one owner rather than across all
 * customers.
 */
@NullMarked
package com.tiercrm.today;

import org.jspecify.annotations.NullMarked;
