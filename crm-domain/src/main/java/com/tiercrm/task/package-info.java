/**
 * Planned follow-ups: a task on a customer for one user, due at a time, done or not; seen
 * by whoever may see the customer.
 */
@NullMarked
package com.tiercrm.task;

import org.jspecify.annotations.NullMarked;
