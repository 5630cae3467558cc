package com.tiercrm.tiering.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * A hierarchy of merges, numbered as SciPy's linkage matrix so that a chart library or a
 * reader who knows SciPy reads it directly: the leaves are 0 to n - 1, the cluster made
 * by merge i is n + i.
 *
 * @param leaves the number of rows clustered
 * @param merges the merges, lowest first
 */
public record Dendrogram(int leaves, List<Merge> merges) {

	public Dendrogram {
		merges = List.copyOf(merges);
	}

	/**
	 * One merge.
	 *
	 * @param left the smaller-numbered cluster merged
	 * @param right the other one
	 * @param height the merge height (for Ward, the square root of twice the increase of
	 * the within-cluster sum of squares, as SciPy)
	 * @param size the rows in the merged cluster
	 */
	public record Merge(int left, int right, double height, int size) {

	}

	/**
	 * The merge heights, lowest first, for a chart of the last merges: a long gap before
	 * the merge that leaves K - 1 clusters suggests K.
	 * @return the heights
	 */
	public double[] heights() {
		return this.merges.stream().mapToDouble(Merge::height).toArray();
	}

	/**
	 * The clusters left when the hierarchy is cut into {@code k}, numbered by their first
	 * row.
	 * @param k the number of clusters
	 * @return the cluster of each leaf
	 */
	public int[] cut(int k) {
		if (k < 1 || k > this.leaves) {
			throw new IllegalArgumentException("Cannot cut " + this.leaves + " leaves into " + k + " clusters");
		}
		int[] parent = new int[2 * this.leaves];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		for (int m = 0; m < this.leaves - k; m++) {
			Merge merge = this.merges.get(m);
			parent[merge.left()] = this.leaves + m;
			parent[merge.right()] = this.leaves + m;
		}
		int[] labels = new int[this.leaves];
		int[] labelOfRoot = new int[2 * this.leaves];
		Arrays.fill(labelOfRoot, -1);
		int next = 0;
		for (int leaf = 0; leaf < this.leaves; leaf++) {
			int root = leaf;
			while (parent[root] != root) {
				root = parent[root];
			}
			if (labelOfRoot[root] < 0) {
				labelOfRoot[root] = next++;
			}
			labels[leaf] = labelOfRoot[root];
		}
		return labels;
	}

}
