package com.tiercrm.tiering.cluster;

import java.util.SplittableRandom;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Linear discriminant analysis: trained on rows labelled with the published clusters, it
 * places a new customer in one of them without rerunning k-means (and without moving the
 * clusters). Each class is a Gaussian with its own mean and a covariance shared by all.
 *
 * @param weights per class, the inverse pooled covariance times the class mean
 * @param constants per class, {@code -mean' Σ⁻¹ mean / 2 + log prior} ({@code -∞} for a
 * class without training rows)
 */
public record Lda(double[][] weights, double[] constants) {

	/**
	 * Trains the discriminant. The pooled covariance is shrunk toward a multiple of the
	 * identity by the Ledoit–Wolf intensity ({@link #shrinkage}), so that a column
	 * without variance inside the clusters still counts, and inverted with Hipparchus's
	 * singular value decomposition, which stays safe should the covariance be zero.
	 * @param matrix the training rows, prepared
	 * @param labels their classes, from 0 to {@code classes - 1}
	 * @param classes the number of classes
	 * @return the discriminant; priors are the classes' shares of the rows
	 */
	public static Lda train(DataMatrix matrix, int[] labels, int classes) {
		int n = matrix.rows();
		int d = matrix.columns();
		if (labels.length != n || n <= classes) {
			throw new IllegalArgumentException(
					n + " rows and " + labels.length + " labels for " + classes + " classes");
		}
		double[] x = matrix.values();
		double[][] means = new double[classes][d];
		int[] counts = new int[classes];
		for (int r = 0; r < n; r++) {
			counts[labels[r]]++;
			for (int j = 0; j < d; j++) {
				means[labels[r]][j] += x[r * d + j];
			}
		}
		int present = 0;
		for (int c = 0; c < classes; c++) {
			if (counts[c] > 0) {
				present++;
				for (int j = 0; j < d; j++) {
					means[c][j] /= counts[c];
				}
			}
		}
		// within-class covariance: each row centred on its own class's mean
		double[][] pooled = Pca.covariance(matrix, (row) -> means[labels[row]], n - present);
		shrink(pooled, shrinkage(matrix, labels, means, pooled));
		RealMatrix inverse = new SingularValueDecomposition(MatrixUtils.createRealMatrix(pooled)).getSolver()
			.getInverse();
		double[][] weights = new double[classes][];
		double[] constants = new double[classes];
		for (int c = 0; c < classes; c++) {
			weights[c] = inverse.operate(means[c]);
			double quadratic = 0;
			for (int j = 0; j < d; j++) {
				quadratic += weights[c][j] * means[c][j];
			}
			constants[c] = (counts[c] > 0) ? -quadratic / 2 + Math.log((double) counts[c] / n)
					: Double.NEGATIVE_INFINITY;
		}
		return new Lda(weights, constants);
	}

	/**
	 * The Ledoit–Wolf shrinkage intensity of a pooled within-class covariance toward
	 * {@code μI} ({@code μ} the mean variance): {@code min(b², δ²) / δ²}, where
	 * {@code δ² = ‖S - μI‖²} and {@code b² = Σ‖z zᵀ - S‖² / n²} over the rows' residuals
	 * {@code z} from their class means (Ledoit and Wolf, 2004, Frobenius norms). It is
	 * small when the rows are many for the columns, and 0 when the covariance is already
	 * {@code μI}.
	 * @param matrix the training rows
	 * @param labels their classes
	 * @param means each class's mean
	 * @param pooled the pooled within-class covariance
	 * @return the intensity, between 0 and 1
	 */
	static double shrinkage(DataMatrix matrix, int[] labels, double[][] means, double[][] pooled) {
		int n = matrix.rows();
		int d = matrix.columns();
		double mu = 0;
		for (int j = 0; j < d; j++) {
			mu += pooled[j][j];
		}
		mu /= d;
		double distance = 0;
		for (int i = 0; i < d; i++) {
			for (int j = 0; j < d; j++) {
				double difference = pooled[i][j] - ((i == j) ? mu : 0);
				distance += difference * difference;
			}
		}
		if (distance <= 0) {
			return 0;
		}
		double[] x = matrix.values();
		double[] z = new double[d];
		double spread = 0;
		for (int r = 0; r < n; r++) {
			double[] mean = means[labels[r]];
			for (int j = 0; j < d; j++) {
				z[j] = x[r * d + j] - mean[j];
			}
			for (int i = 0; i < d; i++) {
				for (int j = 0; j < d; j++) {
					double difference = z[i] * z[j] - pooled[i][j];
					spread += difference * difference;
				}
			}
		}
		spread /= (double) n * n;
		return Math.min(spread, distance) / distance;
	}

	/**
	 * Shrinks a covariance toward {@code μI} in place: {@code (1 - λ)S + λμI}. With any
	 * {@code λ > 0} and a positive mean variance the result is invertible, so a direction
	 * without within-class variance (an indicator constant inside every cluster, such as
	 * a level found in one cluster only and in all of it) keeps its weight instead of
	 * getting none from a pseudo-inverse.
	 * @param covariance the covariance, changed
	 * @param intensity {@code λ}, between 0 and 1
	 */
	static void shrink(double[][] covariance, double intensity) {
		int d = covariance.length;
		double mu = 0;
		for (int j = 0; j < d; j++) {
			mu += covariance[j][j];
		}
		mu /= d;
		for (int i = 0; i < d; i++) {
			for (int j = 0; j < d; j++) {
				covariance[i][j] *= 1 - intensity;
			}
			covariance[i][i] += intensity * mu;
		}
	}

	/**
	 * Trains the discriminant on a random sample of the rows, for data too large to need
	 * all of them: with a handful of columns, the means and the pooled covariance of tens
	 * of thousands of rows are as good as those of a million.
	 * @param matrix the training rows, prepared
	 * @param labels their classes, from 0 to {@code classes - 1}
	 * @param classes the number of classes
	 * @param rows the most rows to train on
	 * @param seed the sample's seed
	 * @return the discriminant
	 */
	public static Lda trainOnSample(DataMatrix matrix, int[] labels, int classes, int rows, long seed) {
		if (matrix.rows() <= rows) {
			return train(matrix, labels, classes);
		}
		int[] sample = Sampling.rows(matrix.rows(), rows, new SplittableRandom(seed));
		return train(matrix.select(sample), select(labels, sample), classes);
	}

	/**
	 * The k-fold cross-validated accuracy on a random sample of the rows.
	 * @param matrix the rows
	 * @param labels their classes
	 * @param classes the number of classes
	 * @param folds the number of folds, at least 2
	 * @param rows the most rows to take
	 * @param seed the seed of the sample and of the folds
	 * @return the accuracy over the sample's rows
	 */
	public static Accuracy crossValidatedOnSample(DataMatrix matrix, int[] labels, int classes, int folds, int rows,
			long seed) {
		if (matrix.rows() <= rows) {
			return crossValidated(matrix, labels, classes, folds, seed);
		}
		int[] sample = Sampling.rows(matrix.rows(), rows, new SplittableRandom(seed));
		return crossValidated(matrix.select(sample), select(labels, sample), classes, folds, seed);
	}

	/**
	 * The class of one row.
	 * @param matrix prepared rows
	 * @param row which row
	 * @return its most probable class
	 */
	public int classify(DataMatrix matrix, int row) {
		int d = matrix.columns();
		double[] x = matrix.values();
		int best = 0;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < this.weights.length; c++) {
			double score = this.constants[c];
			for (int j = 0; j < d; j++) {
				score += this.weights[c][j] * x[row * d + j];
			}
			if (score > bestScore) {
				bestScore = score;
				best = c;
			}
		}
		return best;
	}

	public int[] classify(DataMatrix matrix) {
		int[] classes = new int[matrix.rows()];
		for (int r = 0; r < classes.length; r++) {
			classes[r] = classify(matrix, r);
		}
		return classes;
	}

	/**
	 * The share of rows classified as labelled.
	 * @param matrix prepared rows
	 * @param labels their classes
	 * @return the accuracy
	 */
	public Accuracy accuracy(DataMatrix matrix, int[] labels) {
		int correct = 0;
		for (int r = 0; r < labels.length; r++) {
			if (classify(matrix, r) == labels[r]) {
				correct++;
			}
		}
		return new Accuracy(correct, labels.length);
	}

	/**
	 * The accuracy on the training rows themselves (resubstitution): optimistic, hence
	 * the cross-validated figure beside it.
	 * @param matrix the rows
	 * @param labels their classes
	 * @param classes the number of classes
	 * @return the accuracy
	 */
	public static Accuracy resubstitution(DataMatrix matrix, int[] labels, int classes) {
		return train(matrix, labels, classes).accuracy(matrix, labels);
	}

	/**
	 * k-fold cross-validated accuracy: the rows are shuffled with the seed and dealt into
	 * folds; each fold is classified by a discriminant trained on the others.
	 * @param matrix the rows
	 * @param labels their classes
	 * @param classes the number of classes
	 * @param folds the number of folds, at least 2
	 * @param seed the shuffle's seed
	 * @return the accuracy over all rows, each classified once
	 */
	public static Accuracy crossValidated(DataMatrix matrix, int[] labels, int classes, int folds, long seed) {
		int n = matrix.rows();
		if (folds < 2 || folds > n) {
			throw new IllegalArgumentException("Cannot make " + folds + " folds of " + n + " rows");
		}
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		int correct = 0;
		for (int fold = 0; fold < folds; fold++) {
			int testRows = 0;
			for (int i = fold; i < n; i += folds) {
				testRows++;
			}
			int[] test = new int[testRows];
			int[] training = new int[n - testRows];
			int t = 0;
			int l = 0;
			for (int i = 0; i < n; i++) {
				if (i % folds == fold) {
					test[t++] = order[i];
				}
				else {
					training[l++] = order[i];
				}
			}
			Lda lda = train(matrix.select(training), select(labels, training), classes);
			DataMatrix testMatrix = matrix.select(test);
			for (int i = 0; i < test.length; i++) {
				if (lda.classify(testMatrix, i) == labels[test[i]]) {
					correct++;
				}
			}
		}
		return new Accuracy(correct, n);
	}

	private static int[] select(int[] labels, int[] rows) {
		int[] selected = new int[rows.length];
		for (int i = 0; i < rows.length; i++) {
			selected[i] = labels[rows[i]];
		}
		return selected;
	}

	/**
	 * A classification accuracy.
	 *
	 * @param correct the rows classified as labelled
	 * @param rows the rows classified
	 */
	public record Accuracy(int correct, int rows) {

		public double share() {
			return (this.rows > 0) ? (double) this.correct / this.rows : 0;
		}

	}

}
