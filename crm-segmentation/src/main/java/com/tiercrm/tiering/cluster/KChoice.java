package com.tiercrm.tiering.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A suggested number of clusters, with the curves an analyst reads to agree or not: the
 * within-cluster sum of squares (its elbow) and the mean silhouette, for each K in a
 * range.
 *
 * @param suggested the K with the highest silhouette
 * @param elbow the K at the elbow of the WCSS curve
 * @param scores one point per K, for the charts
 * @param clusteredRows the rows of the sample that k-means ran on (the WCSS is theirs)
 * @param silhouetteRows the rows the silhouettes were measured on
 */
public record KChoice(int suggested, int elbow, List<Score> scores, int clusteredRows, int silhouetteRows) {

	public KChoice {
		scores = List.copyOf(scores);
	}

	/**
	 * One value of K.
	 *
	 * @param k the number of clusters
	 * @param wcss the within-cluster sum of squares on the clustered sample
	 * @param silhouette the mean silhouette on the silhouette sample
	 */
	public record Score(int k, double wcss, double silhouette) {

	}

	/**
	 * How much work the suggestion does.
	 *
	 * @param clusteredRows rows sampled for k-means at each K
	 * @param silhouetteRows rows sampled from those for the silhouette (the cost grows
	 * with the square of this)
	 * @param starts k-means++ starts at each K
	 * @param seed the seed
	 */
	public record Settings(int clusteredRows, int silhouetteRows, int starts, long seed) {

		public static Settings defaults(long seed) {
			return new Settings(30_000, 3_000, 3, seed);
		}

	}

	/**
	 * Clusters a sample of rows for each K from {@code minK} to {@code maxK} and scores
	 * each clustering. The silhouette is the suggestion because it rewards separated
	 * clusters and has a maximum; the elbow is returned beside it because it is the
	 * figure analysts are used to.
	 * @param matrix the prepared rows
	 * @param minK the smallest K, at least 2
	 * @param maxK the largest K
	 * @param settings sample sizes, starts and seed
	 * @return the suggestion and the curves
	 */
	public static KChoice suggest(DataMatrix matrix, int minK, int maxK, Settings settings) {
		if (minK < 2 || maxK < minK || matrix.rows() <= minK) {
			throw new IllegalArgumentException(
					"Cannot choose K between " + minK + " and " + maxK + " for " + matrix.rows() + " rows");
		}
		SplittableRandom random = new SplittableRandom(settings.seed());
		DataMatrix clustered = Sampling.sample(matrix, settings.clusteredRows(), random.split());
		int[] silhouetteSample = Sampling.rows(clustered.rows(), settings.silhouetteRows(), random.split());
		DataMatrix silhouetteRows = clustered.select(silhouetteSample);
		List<Score> scores = new ArrayList<>();
		for (int k = minK; k <= Math.min(maxK, clustered.rows() - 1); k++) {
			KMeansFit fit = KMeans.fit(clustered, k, settings.starts(), random.nextLong());
			int[] labels = new int[silhouetteSample.length];
			for (int i = 0; i < labels.length; i++) {
				labels[i] = fit.labels()[silhouetteSample[i]];
			}
			scores.add(new Score(k, fit.wcss(), Silhouette.mean(silhouetteRows, labels, k)));
		}
		Score best = scores.get(0);
		for (Score score : scores) {
			if (score.silhouette() > best.silhouette()) {
				best = score;
			}
		}
		return new KChoice(best.k(), elbow(scores), scores, clustered.rows(), silhouetteRows.rows());
	}

	/**
	 * The K farthest below the straight line from the first to the last point of the WCSS
	 * curve, both axes scaled to [0, 1] (the "kneedle" rule).
	 */
	static int elbow(List<Score> scores) {
		Score first = scores.get(0);
		Score last = scores.get(scores.size() - 1);
		double range = first.wcss() - last.wcss();
		if (scores.size() < 3 || !(range > 0)) {
			return first.k();
		}
		int elbow = first.k();
		double deepest = 0;
		for (Score score : scores) {
			double x = (double) (score.k() - first.k()) / (last.k() - first.k());
			double y = (score.wcss() - last.wcss()) / range;
			double depth = (1 - x) - y;
			if (depth > deepest) {
				deepest = depth;
				elbow = score.k();
			}
		}
		return elbow;
	}

}
