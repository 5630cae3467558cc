/**
 * What the runs show: dashboards and per-tier metrics, churn cohorts, tier migration and
 * downgrades, the figures a run stores when it is published, and a customer's tiers.
 */
@NullMarked
package com.tiercrm.tiering.insight;

import org.jspecify.annotations.NullMarked;
