package com.tiercrm.tiering.cluster;

import java.util.Arrays;

/**
 * Which of the previous run's clusters each new cluster continues, so that a segment
 * keeps its name and its customers' history across runs although k-means numbers its
 * clusters at random.
 *
 * @param previousOf for each current cluster, the previous cluster it continues, or -1
 * for a new cluster (when there are more clusters than before)
 * @param distance for each current cluster, the distance between its centre and the
 * matched previous centre (NaN when new): a large one says the segment moved
 * @param totalDistance the sum of the matched distances, the smallest possible
 */
public record CentroidMatching(int[] previousOf, double[] distance, double totalDistance) {

	/**
	 * Matches current centres to previous ones one to one, minimising the summed
	 * Euclidean distance (the Hungarian algorithm: a greedy nearest match can steal a
	 * centre that another cluster needs more).
	 * @param previous the previous run's centres
	 * @param current this run's centres, in the same prepared space
	 * @return the matching
	 */
	public static CentroidMatching match(double[][] previous, double[][] current) {
		double[][] cost = new double[current.length][previous.length];
		for (int i = 0; i < current.length; i++) {
			for (int j = 0; j < previous.length; j++) {
				cost[i][j] = Math.sqrt(KMeans.squaredDistance(current[i], 0, previous[j], current[i].length));
			}
		}
		int[] assigned = Hungarian.assign(cost);
		double[] distance = new double[current.length];
		double total = 0;
		for (int i = 0; i < current.length; i++) {
			distance[i] = (assigned[i] >= 0) ? cost[i][assigned[i]] : Double.NaN;
			total += (assigned[i] >= 0) ? distance[i] : 0;
		}
		return new CentroidMatching(assigned, distance, total);
	}

	/**
	 * Relabels rows so that each keeps the number of the previous cluster its cluster
	 * continues; new clusters take the numbers after the previous ones.
	 * @param labels the current labels
	 * @param previousClusters how many clusters the previous run had
	 * @return the relabelled rows
	 */
	public int[] relabel(int[] labels, int previousClusters) {
		int[] number = Arrays.copyOf(this.previousOf, this.previousOf.length);
		int next = previousClusters;
		for (int c = 0; c < number.length; c++) {
			if (number[c] < 0) {
				number[c] = next++;
			}
		}
		int[] relabelled = new int[labels.length];
		for (int r = 0; r < labels.length; r++) {
			relabelled[r] = number[labels[r]];
		}
		return relabelled;
	}

}
