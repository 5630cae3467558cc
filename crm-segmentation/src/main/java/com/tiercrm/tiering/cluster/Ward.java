package com.tiercrm.tiering.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ward's agglomerative clustering: at each step, merge the two clusters whose union
 * raises the within-cluster sum of squares least. Its dendrogram helps choose K, and it
 * needs all pairwise distances, so it runs on a sample (2,000 rows take 16 MB).
 */
public final class Ward {

	/** The most rows accepted: the distance triangle grows with their square. */
	public static final int MAX_ROWS = 10_000;

	private Ward() {
	}

	/**
	 * Builds the hierarchy of a random sample of rows, the way a segmentation uses it on
	 * a large base: to see how many clusters the data holds before running k-means on all
	 * of it.
	 * @param matrix the rows
	 * @param rows the size of the sample, at most {@link #MAX_ROWS}
	 * @param seed the sample's seed
	 * @return the sampled rows and their hierarchy (leaf i is row {@code rows[i]})
	 */
	public static Sample onSample(DataMatrix matrix, int rows, long seed) {
		int[] sampled = Sampling.rows(matrix.rows(), rows, new SplittableRandom(seed));
		return new Sample(sampled, fit(matrix.select(sampled)));
	}

	/**
	 * A hierarchy of sampled rows.
	 *
	 * @param rows the sampled row indices, increasing
	 * @param dendrogram their hierarchy, leaf i being row {@code rows[i]}
	 */
	public record Sample(int[] rows, Dendrogram dendrogram) {

	}

	/**
	 * Builds the hierarchy with the nearest-neighbour chain algorithm (O(n²) time and
	 * memory) and the Lance-Williams update of squared Euclidean distances.
	 * @param matrix the rows, at most {@link #MAX_ROWS}
	 * @return the merges, lowest first
	 */
	public static Dendrogram fit(DataMatrix matrix) {
		int n = matrix.rows();
		if (n < 2 || n > MAX_ROWS) {
			throw new IllegalArgumentException("Ward's clustering takes 2 to " + MAX_ROWS + " rows, not " + n);
		}
		double[] distances = new double[n * (n - 1) / 2];
		double[] x = matrix.values();
		int d = matrix.columns();
		for (int i = 1; i < n; i++) {
			for (int j = 0; j < i; j++) {
				distances[index(i, j)] = KMeans.squaredDistance(x, i * d, x, j * d, d);
			}
		}
		int[] size = new int[n];
		Arrays.fill(size, 1);
		boolean[] merged = new boolean[n];
		int[] chain = new int[n];
		int chainLength = 0;
		List<double[]> raw = new ArrayList<>();
		for (int step = 0; step < n - 1; step++) {
			if (chainLength == 0) {
				int first = 0;
				while (merged[first]) {
					first++;
				}
				chain[chainLength++] = first;
			}
			int a;
			int b;
			while (true) {
				a = chain[chainLength - 1];
				int previous = (chainLength > 1) ? chain[chainLength - 2] : -1;
				// prefer the previous link on ties, or the chain could cycle
				b = previous;
				double nearest = (previous >= 0) ? distances[index(a, previous)] : Double.POSITIVE_INFINITY;
				for (int c = 0; c < n; c++) {
					if (c != a && !merged[c] && distances[index(a, c)] < nearest) {
						nearest = distances[index(a, c)];
						b = c;
					}
				}
				if (b == previous) {
					chainLength -= 2;
					break;
				}
				chain[chainLength++] = b;
			}
			double ab = distances[index(a, b)];
			// the union lives in the slot of the larger index; the other slot is retired
			int kept = Math.max(a, b);
			int retired = Math.min(a, b);
			for (int c = 0; c < n; c++) {
				if (c != a && c != b && !merged[c]) {
					double updated = ((size[a] + size[c]) * distances[index(a, c)]
							+ (size[b] + size[c]) * distances[index(b, c)] - size[c] * ab)
							/ (size[a] + size[b] + size[c]);
					distances[index(kept, c)] = updated;
				}
			}
			raw.add(new double[] { a, b, Math.sqrt(Math.max(ab, 0)) });
			size[kept] = size[a] + size[b];
			merged[retired] = true;
		}
		return numbered(n, raw);
	}

	/**
	 * Sorts the merges by height and numbers the clusters as SciPy does; the chain finds
	 * merges out of height order and names clusters by slot.
	 */
	private static Dendrogram numbered(int n, List<double[]> raw) {
		List<double[]> sorted = new ArrayList<>(raw);
		sorted.sort(Comparator.comparingDouble((double[] merge) -> merge[2]));
		int[] parent = new int[n];
		int[] clusterOfRoot = new int[n];
		int[] sizeOfRoot = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
			clusterOfRoot[i] = i;
			sizeOfRoot[i] = 1;
		}
		List<Dendrogram.Merge> merges = new ArrayList<>();
		for (int m = 0; m < sorted.size(); m++) {
			int rootA = root(parent, (int) sorted.get(m)[0]);
			int rootB = root(parent, (int) sorted.get(m)[1]);
			int left = Math.min(clusterOfRoot[rootA], clusterOfRoot[rootB]);
			int right = Math.max(clusterOfRoot[rootA], clusterOfRoot[rootB]);
			int size = sizeOfRoot[rootA] + sizeOfRoot[rootB];
			parent[rootA] = rootB;
			clusterOfRoot[rootB] = n + m;
			sizeOfRoot[rootB] = size;
			merges.add(new Dendrogram.Merge(left, right, sorted.get(m)[2], size));
		}
		return new Dendrogram(n, merges);
	}

	private static int root(int[] parent, int node) {
		int root = node;
		while (parent[root] != root) {
			root = parent[root];
		}
		while (parent[node] != root) {
			int next = parent[node];
			parent[node] = root;
			node = next;
		}
		return root;
	}

	/** Position of the pair (i, j), i != j, in the lower triangle without diagonal. */
	private static int index(int i, int j) {
		return (i > j) ? i * (i - 1) / 2 + j : j * (j - 1) / 2 + i;
	}

}
