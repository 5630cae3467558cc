/**
 * Follow-ups on pages and in the API: planning one from a customer's page or a rep's
 * book, editing it, marking it done, the user's own list, and {@code /api/v1/tasks}.
 */
@NullMarked
package com.tiercrm.task.web;

import org.jspecify.annotations.NullMarked;
