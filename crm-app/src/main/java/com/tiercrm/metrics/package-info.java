/**
 * Micrometer metrics of the background jobs, segmentation runs and imports, recorded once
 * per job from the events they raise when they end.
 */
@NullMarked
package com.tiercrm.metrics;

import org.jspecify.annotations.NullMarked;
