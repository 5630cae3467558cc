/**
 * Interactions: visits, calls, messages, complaints and satisfaction surveys that reps
 * log against customers.
 */
@NullMarked
package com.tiercrm.interaction;

import org.jspecify.annotations.NullMarked;
