/**
 * The segmentation part of the JSON API: start runs and read their reports, migrations
 * and downgrades.
 */
@NullMarked
package com.tiercrm.tiering.web;

import org.jspecify.annotations.NullMarked;
