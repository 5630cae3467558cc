package com.tiercrm.tiering.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealVector;

/**
 * Principal components of a prepared matrix: the eigenvectors of its covariance matrix,
 * largest variance first. On standardised variables that is the correlation matrix, as in
 * the factor-analysis step of a segmentation.
 *
 * @param means the column means subtracted before projecting
 * @param variances each component's variance (eigenvalue), largest first
 * @param explainedVariance each component's share of the total variance, for a scree
 * chart
 * @param components the unit eigenvectors, {@code components[component][column]}; each is
 * signed so that its largest coefficient is positive, to be the same from run to run
 * @param loadings eigenvector times the square root of its variance: on standardised
 * variables, the correlation of each variable with each component (to a factor
 * {@code sqrt(n / (n - 1))}, as the standardisation divides by n)
 * @param columnNames the variables' names, for the loadings table
 */
public record Pca(double[] means, double[] variances, double[] explainedVariance, double[][] components,
		double[][] loadings, List<String> columnNames) {

	/**
	 * Fits the components with Hipparchus's symmetric eigen decomposition of the
	 * covariance matrix (divided by n - 1, as scikit-learn); the covariance is summed in
	 * one pass over the rows, so a million rows cost one read of the matrix.
	 * @param matrix the prepared matrix
	 * @return the components
	 */
	public static Pca fit(DataMatrix matrix) {
		int d = matrix.columns();
		int n = matrix.rows();
		if (n < 2) {
			throw new IllegalArgumentException("Principal components need at least two rows");
		}
		double[] means = columnMeans(matrix);
		double[][] covariance = covariance(matrix, (row) -> means, n - 1);
		EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(covariance));
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < d; i++) {
			order.add(i);
		}
		order.sort((a, b) -> Double.compare(eigen.getEigenvalue(b), eigen.getEigenvalue(a)));
		double total = 0;
		for (int i = 0; i < d; i++) {
			total += Math.max(eigen.getEigenvalue(i), 0);
		}
		double[] variances = new double[d];
		double[] explained = new double[d];
		double[][] components = new double[d][];
		double[][] loadings = new double[d][d];
		for (int c = 0; c < d; c++) {
			int index = order.get(c);
			variances[c] = Math.max(eigen.getEigenvalue(index), 0);
			explained[c] = (total > 0) ? variances[c] / total : 0;
			components[c] = signed(eigen.getEigenvector(index));
			for (int j = 0; j < d; j++) {
				loadings[c][j] = components[c][j] * Math.sqrt(variances[c]);
			}
		}
		return new Pca(means, variances, explained, components, loadings, matrix.columnNames());
	}

	/**
	 * The smallest number of components whose explained variance reaches the share asked
	 * for (for instance 0.8).
	 * @param share the share of variance to keep
	 * @return the number of components
	 */
	public int componentsFor(double share) {
		double sum = 0;
		for (int c = 0; c < this.explainedVariance.length; c++) {
			sum += this.explainedVariance[c];
			if (sum >= share - 1e-12) {
				return c + 1;
			}
		}
		return this.explainedVariance.length;
	}

	/**
	 * The scores of the rows on the first components, to cluster on.
	 * @param matrix rows prepared like the fitted ones
	 * @param count how many components
	 * @return one column per component, named {@code PC1, PC2, …}
	 */
	public DataMatrix project(DataMatrix matrix, int count) {
		int d = matrix.columns();
		if (d != this.means.length || count < 1 || count > d) {
			throw new IllegalArgumentException("Cannot project " + d + " columns on " + count + " components");
		}
		double[] scores = new double[matrix.rows() * count];
		double[] values = matrix.values();
		for (int r = 0; r < matrix.rows(); r++) {
			int offset = r * d;
			for (int c = 0; c < count; c++) {
				double[] component = this.components[c];
				double score = 0;
				for (int j = 0; j < d; j++) {
					score += (values[offset + j] - this.means[j]) * component[j];
				}
				scores[r * count + c] = score;
			}
		}
		List<String> names = new ArrayList<>();
		for (int c = 1; c <= count; c++) {
			names.add("PC" + c);
		}
		return new DataMatrix(matrix.rows(), count, scores, names);
	}

	static double[] columnMeans(DataMatrix matrix) {
		int d = matrix.columns();
		double[] sums = new double[d];
		double[] values = matrix.values();
		for (int r = 0; r < matrix.rows(); r++) {
			for (int j = 0; j < d; j++) {
				sums[j] += values[r * d + j];
			}
		}
		for (int j = 0; j < d; j++) {
			sums[j] /= Math.max(matrix.rows(), 1);
		}
		return sums;
	}

	/**
	 * A covariance matrix summed in one pass over the rows, each row centred on the
	 * centre given for it: the overall mean here, its class's mean for the discriminant's
	 * pooled covariance.
	 * @param matrix the rows
	 * @param centreOf the centre of each row
	 * @param divisor what the cross-products are divided by (n - 1, or n minus the
	 * classes)
	 * @return the symmetric matrix
	 */
	static double[][] covariance(DataMatrix matrix, IntFunction<double[]> centreOf, int divisor) {
		int d = matrix.columns();
		double[][] covariance = new double[d][d];
		double[] centred = new double[d];
		double[] values = matrix.values();
		for (int r = 0; r < matrix.rows(); r++) {
			double[] centre = centreOf.apply(r);
			for (int j = 0; j < d; j++) {
				centred[j] = values[r * d + j] - centre[j];
			}
			for (int i = 0; i < d; i++) {
				double[] line = covariance[i];
				double ci = centred[i];
				for (int j = 0; j <= i; j++) {
					line[j] += ci * centred[j];
				}
			}
		}
		for (int i = 0; i < d; i++) {
			for (int j = 0; j <= i; j++) {
				covariance[i][j] /= divisor;
				covariance[j][i] = covariance[i][j];
			}
		}
		return covariance;
	}

	private static double[] signed(RealVector vector) {
		double[] values = vector.toArray();
		int largest = 0;
		for (int j = 1; j < values.length; j++) {
			if (Math.abs(values[j]) > Math.abs(values[largest])) {
				largest = j;
			}
		}
		if (values[largest] < 0) {
			for (int j = 0; j < values.length; j++) {
				values[j] = -values[j];
			}
		}
		return values;
	}

}
