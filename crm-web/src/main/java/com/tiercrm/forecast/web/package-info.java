/**
 * The sales forecast and its holdout check for managers: the page and
 * {@code GET /api/v1/segmentation/forecast}. A module of its own, since it names the
 * groups with the customers' reference data and the users.
 */
@NullMarked
package com.tiercrm.forecast.web;

import org.jspecify.annotations.NullMarked;
