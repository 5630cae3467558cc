package com.tiercrm.tiering.clustertier;

import java.util.List;

/**
 * How to make the clusters.
 *
 * @param k the number of clusters, or 0 to let the silhouette on a sample suggest one
 * from 2 to {@value ClusterTiering#MAX_CLUSTERS}
 * @param starts the k-means++ starts of the final fit
 * @param variables the variables to cluster on, at least one
 * @param seed the seed: the same facts give the same clusters
 */
record ClusterOptions(int k, int starts, List<ClusterVariable> variables, long seed) {

	ClusterOptions {
		variables = List.copyOf(variables);
		if (k < 0 || k > ClusterTiering.MAX_CLUSTERS || starts < 1 || variables.isEmpty()) {
			throw new IllegalArgumentException(
					"Cannot make " + k + " clusters from " + starts + " starts on " + variables);
		}
	}

}
