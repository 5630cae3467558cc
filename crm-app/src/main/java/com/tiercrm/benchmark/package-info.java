/**
 * Benchmarks that run inside the application against the configured database and print
 * one JSON line.
 */
@NullMarked
package com.tiercrm.benchmark;

import org.jspecify.annotations.NullMarked;
