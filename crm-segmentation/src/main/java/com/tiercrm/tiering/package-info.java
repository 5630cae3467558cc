/**
 * Segmentation runs: read per-customer facts in one pass, apply the ABC, RFM and CLV
 * models, write the results in bulk and publish them atomically as the customers' current
 * tiers.
 */
@NullMarked
package com.tiercrm.tiering;

import org.jspecify.annotations.NullMarked;
