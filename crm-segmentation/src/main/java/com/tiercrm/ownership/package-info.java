/**
 * Who owns a customer: reassigning one customer, a selection or every customer of a list
 * filter to another owner within the reassigning user's scope, set-based, and the
 * ownership history each reassignment leaves.
 */
@NullMarked
package com.tiercrm.ownership;

import org.jspecify.annotations.NullMarked;
