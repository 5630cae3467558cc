package com.tiercrm.tiering.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PcaTests {

	@Test
	void standardisedIrisComponentsExplainThePublishedShares() {
		Pca pca = Pca.fit(ClusterAnalysis.prepare(Iris.load().input()).matrix());

		// scikit-learn's PCA after StandardScaler: 72.96 %, 22.85 %, 3.67 %, 0.52 %
		assertThat(pca.explainedVariance()[0]).isCloseTo(0.72962445, within(1e-8));
		assertThat(pca.explainedVariance()[1]).isCloseTo(0.22850762, within(1e-8));
		assertThat(pca.explainedVariance()[2]).isCloseTo(0.03668922, within(1e-8));
		assertThat(pca.explainedVariance()[3]).isCloseTo(0.00517871, within(1e-8));
		assertThat(pca.componentsFor(0.95)).isEqualTo(2);
	}

	@Test
	void loadingsOfStandardisedVariablesAreCorrelationsWithTheComponents() {
		Iris iris = Iris.load();
		DataMatrix standardised = ClusterAnalysis.prepare(iris.input()).matrix();
		Pca pca = Pca.fit(standardised);
		DataMatrix scores = pca.project(standardised, 2);

		for (int j = 0; j < 4; j++) {
			double correlation = correlation(column(scores, 0), column(standardised, j));
			assertThat(pca.loadings()[0][j] / Math.sqrt(150.0 / 149)).isCloseTo(correlation, within(1e-9));
		}
		// petal length loads most on the first component, sepal width on the second
		assertThat(pca.components()[0][2]).isPositive();
		assertThat(Math.abs(pca.loadings()[1][1])).isGreaterThan(0.85);
	}

	@Test
	void projectionKeepsTheComponentVariances() {
		DataMatrix standardised = ClusterAnalysis.prepare(Iris.load().input()).matrix();
		Pca pca = Pca.fit(standardised);
		DataMatrix scores = pca.project(standardised, 3);

		assertThat(scores.columns()).isEqualTo(3);
		assertThat(scores.columnNames()).containsExactly("PC1", "PC2", "PC3");
		for (int c = 0; c < 3; c++) {
			assertThat(variance(column(scores, c))).isCloseTo(pca.variances()[c], within(1e-9));
		}
	}

	static double[] column(DataMatrix matrix, int j) {
		double[] column = new double[matrix.rows()];
		for (int r = 0; r < column.length; r++) {
			column[r] = matrix.get(r, j);
		}
		return column;
	}

	static double variance(double[] values) {
		double mean = 0;
		for (double value : values) {
			mean += value / values.length;
		}
		double sum = 0;
		for (double value : values) {
			sum += (value - mean) * (value - mean);
		}
		return sum / (values.length - 1);
	}

	static double correlation(double[] a, double[] b) {
		double ma = 0;
		double mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i] / a.length;
			mb += b[i] / b.length;
		}
		double ab = 0;
		double aa = 0;
		double bb = 0;
		for (int i = 0; i < a.length; i++) {
			ab += (a[i] - ma) * (b[i] - mb);
			aa += (a[i] - ma) * (a[i] - ma);
			bb += (b[i] - mb) * (b[i] - mb);
		}
		return ab / Math.sqrt(aa * bb);
	}

}
