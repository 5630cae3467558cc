package com.tiercrm.tiering.cluster;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * k-means (Lloyd's algorithm) with k-means++ starts, over the primitive row-major array
 * of a {@link DataMatrix}.
 * <p>
 * Written here rather than with Hipparchus's {@code KMeansPlusPlusClusterer}: that one
 * takes a list of point objects (a million {@code DoublePoint}s and their arrays) and
 * assigns rows on one thread, so a million rows times several starts and nine values of K
 * would not fit the 30 s budget (see docs/performance.md). Here the assignment, the
 * costly step, runs over blocks of rows in parallel, and the blocks' partial sums are
 * added in a fixed order, so a seed gives the same result on any number of cores.
 */
public final class KMeans {

	/** Iterations after which a start stops even if centres still move. */
	public static final int MAX_ITERATIONS = 300;

	/**
	 * Centres whose squared movement, summed, falls below this share of the data's mean
	 * variance have converged (scikit-learn's {@code tol}).
	 */
	static final double TOLERANCE = 1e-4;

	private static final int BLOCK_ROWS = 8192;

	private KMeans() {
	}

	/**
	 * Runs k-means from several k-means++ starts and keeps the one with the smallest
	 * within-cluster sum of squares.
	 * @param matrix the rows
	 * @param k the number of clusters
	 * @param starts the number of starts
	 * @param seed the seed; the same seed gives the same clusters
	 * @return the best start
	 */
	public static KMeansFit fit(DataMatrix matrix, int k, int starts, long seed) {
		if (k < 1 || k > matrix.rows() || starts < 1) {
			throw new IllegalArgumentException(
					"Cannot make " + k + " clusters of " + matrix.rows() + " rows from " + starts + " starts");
		}
		SplittableRandom random = new SplittableRandom(seed);
		double tolerance = TOLERANCE * meanVariance(matrix);
		KMeansFit best = lloyd(matrix, plusPlus(matrix, k, random.split()), tolerance);
		for (int start = 1; start < starts; start++) {
			KMeansFit fit = lloyd(matrix, plusPlus(matrix, k, random.split()), tolerance);
			if (fit.wcss() < best.wcss()) {
				best = fit;
			}
		}
		return best;
	}

	/**
	 * Runs the starts on a random sample of rows and finishes the best of them on all
	 * rows. On a million rows the starts are the cost; from a sample of a few tens of
	 * thousands they find the same basin, and the final Lloyd iterations on all rows
	 * settle the centres.
	 * @param matrix the rows
	 * @param k the number of clusters
	 * @param starts the number of starts on the sample
	 * @param sampleRows the rows in the sample
	 * @param seed the seed
	 * @return the clusters of all rows
	 */
	public static KMeansFit fitFromSample(DataMatrix matrix, int k, int starts, int sampleRows, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		DataMatrix sample = Sampling.sample(matrix, sampleRows, random.split());
		KMeansFit onSample = fit(sample, k, starts, random.nextLong());
		return (sample == matrix) ? onSample : refine(matrix, onSample.centroids());
	}

	/**
	 * Lloyd iterations from given centres (for instance the previous run's, to keep the
	 * clusters where they were).
	 * @param matrix the rows
	 * @param centroids the starting centres, not changed
	 * @return the clusters
	 */
	public static KMeansFit refine(DataMatrix matrix, double[][] centroids) {
		double[][] initial = new double[centroids.length][];
		for (int c = 0; c < centroids.length; c++) {
			initial[c] = centroids[c].clone();
		}
		return lloyd(matrix, initial, TOLERANCE * meanVariance(matrix));
	}

	/**
	 * Greedy k-means++ as in scikit-learn: each new centre is the best, by the resulting
	 * sum of squares, of 2 + ln k candidates drawn with probability proportional to the
	 * squared distance to the nearest centre so far. Plain k-means++ (one candidate) more
	 * often starts two centres in one blob.
	 */
	static double[][] plusPlus(DataMatrix matrix, int k, SplittableRandom random) {
		int n = matrix.rows();
		int d = matrix.columns();
		double[] x = matrix.values();
		double[][] centres = new double[k][];
		centres[0] = matrix.row(random.nextInt(n));
		double[] nearest = new double[n];
		IntStream.range(0, n).parallel().forEach((r) -> nearest[r] = squaredDistance(x, r * d, centres[0], d));
		int trials = 2 + (int) Math.log(k);
		for (int c = 1; c < k; c++) {
			double potential = sum(nearest);
			double bestPotential = Double.POSITIVE_INFINITY;
			double[] bestNearest = null;
			int bestRow = 0;
			for (int trial = 0; trial < trials; trial++) {
				int candidate = drawProportional(nearest, potential, random);
				double[] point = matrix.row(candidate);
				double[] updated = new double[n];
				IntStream.range(0, n)
					.parallel()
					.forEach((r) -> updated[r] = Math.min(nearest[r], squaredDistance(x, r * d, point, d)));
				double candidatePotential = sum(updated);
				if (candidatePotential < bestPotential) {
					bestPotential = candidatePotential;
					bestNearest = updated;
					bestRow = candidate;
				}
			}
			centres[c] = matrix.row(bestRow);
			System.arraycopy(bestNearest, 0, nearest, 0, n);
		}
		return centres;
	}

	private static int drawProportional(double[] weights, double total, SplittableRandom random) {
		if (!(total > 0)) {
			// every row sits on a centre already: any row will do
			return random.nextInt(weights.length);
		}
		double target = random.nextDouble() * total;
		double cumulative = 0;
		for (int r = 0; r < weights.length; r++) {
			cumulative += weights[r];
			if (cumulative > target) {
				return r;
			}
		}
		return weights.length - 1;
	}

	private static KMeansFit lloyd(DataMatrix matrix, double[][] centroids, double tolerance) {
		int k = centroids.length;
		int d = matrix.columns();
		int[] labels = new int[matrix.rows()];
		int iteration = 0;
		boolean converged = false;
		Assignment assignment = assign(matrix, centroids, labels);
		while (iteration < MAX_ITERATIONS) {
			iteration++;
			double shift = 0;
			for (int c = 0; c < k; c++) {
				double[] moved = new double[d];
				if (assignment.counts[c] == 0) {
					// an empty cluster takes the row farthest from its centre, as
					// scikit-learn does
					moved = matrix.row(assignment.farthestRow);
				}
				else {
					for (int j = 0; j < d; j++) {
						moved[j] = assignment.sums[c * d + j] / assignment.counts[c];
					}
				}
				shift += squaredDistance(moved, 0, centroids[c], d);
				centroids[c] = moved;
			}
			assignment = assign(matrix, centroids, labels);
			if (assignment.changed == 0 || shift <= tolerance) {
				converged = true;
				break;
			}
		}
		int[] sizes = new int[k];
		for (int c = 0; c < k; c++) {
			sizes[c] = (int) assignment.counts[c];
		}
		return new KMeansFit(centroids, labels, sizes, assignment.wcss, iteration, converged);
	}

	/**
	 * Assigns every row to its nearest centre, block by block in parallel, and sums each
	 * cluster's rows for the next centres.
	 */
	private static Assignment assign(DataMatrix matrix, double[][] centroids, int[] labels) {
		int n = matrix.rows();
		int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
		List<Assignment> parts = IntStream.range(0, blocks)
			.parallel()
			.mapToObj((block) -> assignBlock(matrix, centroids, labels, block * BLOCK_ROWS,
					Math.min(n, (block + 1) * BLOCK_ROWS)))
			.toList();
		Assignment total = new Assignment(centroids.length, matrix.columns());
		for (Assignment part : parts) {
			total.add(part);
		}
		return total;
	}

	private static Assignment assignBlock(DataMatrix matrix, double[][] centroids, int[] labels, int from, int to) {
		int k = centroids.length;
		int d = matrix.columns();
		double[] x = matrix.values();
		double[] flat = new double[k * d];
		for (int c = 0; c < k; c++) {
			System.arraycopy(centroids[c], 0, flat, c * d, d);
		}
		Assignment part = new Assignment(k, d);
		for (int r = from; r < to; r++) {
			int offset = r * d;
			int best = 0;
			double bestDistance = Double.POSITIVE_INFINITY;
			for (int c = 0; c < k; c++) {
				double distance = 0;
				int centre = c * d;
				for (int j = 0; j < d; j++) {
					double difference = x[offset + j] - flat[centre + j];
					distance += difference * difference;
				}
				if (distance < bestDistance) {
					bestDistance = distance;
					best = c;
				}
			}
			if (labels[r] != best) {
				part.changed++;
				labels[r] = best;
			}
			part.counts[best]++;
			part.wcss += bestDistance;
			int sum = best * d;
			for (int j = 0; j < d; j++) {
				part.sums[sum + j] += x[offset + j];
			}
			if (bestDistance > part.farthestDistance) {
				part.farthestDistance = bestDistance;
				part.farthestRow = r;
			}
		}
		return part;
	}

	static double squaredDistance(double[] x, int offset, double[] point, int d) {
		return squaredDistance(x, offset, point, 0, d);
	}

	static double squaredDistance(double[] x, int offset, double[] y, int yOffset, int d) {
		double distance = 0;
		for (int j = 0; j < d; j++) {
			double difference = x[offset + j] - y[yOffset + j];
			distance += difference * difference;
		}
		return distance;
	}

	static double meanVariance(DataMatrix matrix) {
		double[] means = Pca.columnMeans(matrix);
		double[] x = matrix.values();
		int d = matrix.columns();
		double sum = 0;
		for (int r = 0; r < matrix.rows(); r++) {
			for (int j = 0; j < d; j++) {
				double difference = x[r * d + j] - means[j];
				sum += difference * difference;
			}
		}
		return sum / Math.max(1, (long) matrix.rows() * d);
	}

	private static double sum(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return sum;
	}

	/** Partial sums of one block of rows, or of all of them. */
	private static final class Assignment {

		final long[] counts;

		final double[] sums;

		double wcss;

		int changed;

		int farthestRow;

		double farthestDistance = -1;

		Assignment(int k, int d) {
			this.counts = new long[k];
			this.sums = new double[k * d];
		}

		void add(Assignment part) {
			for (int c = 0; c < this.counts.length; c++) {
				this.counts[c] += part.counts[c];
			}
			for (int i = 0; i < this.sums.length; i++) {
				this.sums[i] += part.sums[i];
			}
			this.wcss += part.wcss;
			this.changed += part.changed;
			if (part.farthestDistance > this.farthestDistance) {
				this.farthestDistance = part.farthestDistance;
				this.farthestRow = part.farthestRow;
			}
		}

	}

}
