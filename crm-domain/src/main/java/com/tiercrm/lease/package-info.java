/**
 * Leases on long-running work (segmentation runs, import jobs), so that several instances
 * of the application can share one database: the instance doing the work renews its
 * lease, and only work whose lease has expired is recovered by another.
 */
@NullMarked
package com.tiercrm.lease;

import org.jspecify.annotations.NullMarked;
