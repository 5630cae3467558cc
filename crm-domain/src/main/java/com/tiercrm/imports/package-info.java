/**
 * Data import: reads customer, order and interaction files (CSV or .xlsx), validates
 * every row, reports a dry run and commits all-or-nothing or skipping invalid rows,
 * keeping a history of import jobs.
 */
@NullMarked
package com.tiercrm.imports;

import org.jspecify.annotations.NullMarked;
