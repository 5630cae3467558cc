package com.tiercrm.tiering.cluster;

import java.util.stream.IntStream;

/**
 * The mean silhouette of a labelled set of rows: for each row, how much closer it is to
 * its own cluster than to the nearest other one, from -1 to 1. It needs every pairwise
 * distance, so it is meant for a sample of a few thousand rows.
 */
public final class Silhouette {

	private Silhouette() {
	}

	/**
	 * The mean silhouette, with scikit-learn's conventions: Euclidean distances, and 0
	 * for a row alone in its cluster.
	 * @param matrix the rows
	 * @param labels their clusters, from 0 to {@code k - 1}
	 * @param k the number of clusters
	 * @return the mean silhouette, 0 when there is only one cluster
	 */
	public static double mean(DataMatrix matrix, int[] labels, int k) {
		int n = matrix.rows();
		int d = matrix.columns();
		double[] x = matrix.values();
		int[] sizes = new int[k];
		for (int label : labels) {
			sizes[label]++;
		}
		if (k < 2) {
			return 0;
		}
		double[] scores = new double[n];
		IntStream.range(0, n).parallel().forEach((i) -> {
			double[] distances = new double[k];
			for (int j = 0; j < n; j++) {
				if (j != i) {
					distances[labels[j]] += Math.sqrt(KMeans.squaredDistance(x, j * d, x, i * d, d));
				}
			}
			int own = labels[i];
			if (sizes[own] < 2) {
				return;
			}
			double a = distances[own] / (sizes[own] - 1);
			double b = Double.POSITIVE_INFINITY;
			for (int c = 0; c < k; c++) {
				if (c != own && sizes[c] > 0) {
					b = Math.min(b, distances[c] / sizes[c]);
				}
			}
			double larger = Math.max(a, b);
			scores[i] = (larger > 0) ? (b - a) / larger : 0;
		});
		double sum = 0;
		for (double score : scores) {
			sum += score;
		}
		return sum / n;
	}

}
