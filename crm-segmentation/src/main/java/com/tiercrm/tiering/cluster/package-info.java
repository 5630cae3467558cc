/**
 * Plain-Java cluster analysis for segmenting customers: preparation of the variables,
 * principal components, k-means with a suggested number of clusters, Ward's hierarchy,
 * cluster profiles with translatable names, identity across runs and a linear
 * discriminant that places new customers in the published clusters.
 */
@NullMarked
package com.tiercrm.tiering.cluster;

import org.jspecify.annotations.NullMarked;
