/**
 * Plain-Java tiering models (ABC, RFM and CLV with BG/NBD and Gamma-Gamma) that turn
 * per-customer facts into scores, classes and translatable reasons.
 */
@NullMarked
package com.tiercrm.tiering.model;

import org.jspecify.annotations.NullMarked;
