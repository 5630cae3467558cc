package com.tiercrm.tiering.cluster;

/**
 * The outcome of k-means.
 *
 * @param centroids the cluster centres, {@code centroids[cluster][column]}
 * @param labels the cluster of each row
 * @param sizes the rows in each cluster
 * @param wcss the within-cluster sum of squares (scikit-learn's inertia)
 * @param iterations the Lloyd iterations of the start kept
 * @param converged whether that start stopped because the centres stopped moving, not at
 * the iteration limit
 */
public record KMeansFit(double[][] centroids, int[] labels, int[] sizes, double wcss, int iterations,
		boolean converged) {

	public int k() {
		return this.centroids.length;
	}

}
