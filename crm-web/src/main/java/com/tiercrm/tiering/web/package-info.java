/**
 * The segmentation part of the JSON API (start runs, read their reports, migrations and
 * downgrades) and the dashboard of the published run.
 */
@NullMarked
package com.tiercrm.tiering.web;

import org.jspecify.annotations.NullMarked;
