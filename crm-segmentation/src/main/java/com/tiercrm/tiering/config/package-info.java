/**
 * Segmentation settings and their saved, versioned configurations.
 */
@NullMarked
package com.tiercrm.tiering.config;

import org.jspecify.annotations.NullMarked;
