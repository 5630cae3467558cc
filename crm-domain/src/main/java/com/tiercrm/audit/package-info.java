/**
 * The audit log: who did what, when and from where (sign-ins, exports, imports, user and
 * team changes, threshold and policy changes, reassignments and merges, API tokens).
 * Entries are only ever added, and removed after the retention period.
 */
@NullMarked
package com.tiercrm.audit;

import org.jspecify.annotations.NullMarked;
