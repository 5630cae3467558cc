/**
 * Synthetic customers, orders and interactions: the demo data of the embedded default and
 * the bulk generator that fills a database for scale tests.
 */
@NullMarked
package com.tiercrm.demo;

import org.jspecify.annotations.NullMarked;
