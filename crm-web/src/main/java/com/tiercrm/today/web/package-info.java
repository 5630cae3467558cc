/**
 * The Today page, a rep's landing page: follow-ups due, contacts overdue, and customers
 * the last run moved down or put at risk.
 */
@NullMarked
package com.tiercrm.today.web;

import org.jspecify.annotations.NullMarked;
