/**
 * The "My customers" page: a rep's book by tier with contacts due, a quick form to log a
 * contact, and for managers the books of their reps with overdue counts.
 */
@NullMarked
package com.tiercrm.book.web;

import org.jspecify.annotations.NullMarked;
