package com.tiercrm.tiering.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SilhouetteTests {

	@Test
	void twoPairsOnALine() {
		DataMatrix points = DataMatrix.ofRows(new double[][] { { 0 }, { 1 }, { 10 }, { 11 } });

		double mean = Silhouette.mean(points, new int[] { 0, 0, 1, 1 }, 2);

		// the outer points: a = 1, b = 10.5; the inner ones: a = 1, b = 9.5
		assertThat(mean).isCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, within(1e-12));
	}

	@Test
	void irisKMeansClustersScoreAsScikitLearn() {
		DataMatrix iris = Iris.load().matrix();
		KMeansFit fit = KMeans.fit(iris, 3, 10, 42);

		// sklearn.metrics.silhouette_score on the same three clusters
		assertThat(Silhouette.mean(iris, fit.labels(), 3)).isCloseTo(0.5528190123564095, within(1e-12));
	}

	@Test
	void aRowAloneInItsClusterScoresZero() {
		DataMatrix points = DataMatrix.ofRows(new double[][] { { 0 }, { 1 }, { 50 } });

		double mean = Silhouette.mean(points, new int[] { 0, 0, 1 }, 2);

		assertThat(mean).isCloseTo((49.0 / 50 + 48.0 / 49 + 0) / 3, within(1e-12));
	}

}
