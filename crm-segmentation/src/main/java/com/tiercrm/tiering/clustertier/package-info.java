/**
 * Clusters as tiers: the {@code CLUSTER} tier model groups the customers who bought by
 * k-means on their behaviour, keeps each cluster's code from run to run by matching
 * centres, and keeps every published run's centres, profiles and stability.
 */
@NullMarked
package com.tiercrm.tiering.clustertier;

import org.jspecify.annotations.NullMarked;
