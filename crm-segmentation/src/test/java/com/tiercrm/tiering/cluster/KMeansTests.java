package com.tiercrm.tiering.cluster;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class KMeansTests {

	@Test
	void irisInThreeClustersReachesTheKnownBestWithinClusterSumOfSquares() {
		KMeansFit fit = KMeans.fit(Iris.load().matrix(), 3, 10, 42);

		// R's kmeans and scikit-learn's KMeans: 78.851441426146, clusters of 50, 62 and
		// 38
		assertThat(fit.wcss()).isCloseTo(78.851441426146, within(1e-9));
		assertThat(Arrays.stream(fit.sizes()).sorted().toArray()).containsExactly(38, 50, 62);
		assertThat(fit.converged()).isTrue();
	}

	@Test
	void reportedSumOfSquaresAndSizesMatchTheLabels() {
		DataMatrix iris = Iris.load().matrix();
		KMeansFit fit = KMeans.fit(iris, 4, 3, 7);

		double wcss = 0;
		int[] sizes = new int[4];
		for (int r = 0; r < iris.rows(); r++) {
			wcss += KMeans.squaredDistance(iris.values(), r * 4, fit.centroids()[fit.labels()[r]], 4);
			sizes[fit.labels()[r]]++;
		}
		assertThat(fit.wcss()).isCloseTo(wcss, within(1e-9));
		assertThat(fit.sizes()).containsExactly(sizes);
	}

	@Test
	void theSameSeedGivesTheSameClusters() {
		Blobs blobs = Blobs.generate(3000, 6, 5, 2.5, 10, 11);

		KMeansFit first = KMeans.fit(blobs.matrix(), 6, 3, 2026);
		KMeansFit second = KMeans.fit(blobs.matrix(), 6, 3, 2026);

		assertThat(second.labels()).containsExactly(first.labels());
		assertThat(second.wcss()).isEqualTo(first.wcss());
	}

	@Test
	void theClustersDoNotDependOnTheNumberOfThreads() throws Exception {
		Blobs blobs = Blobs.generate(50_000, 6, 5, 2.5, 10, 11);
		ForkJoinPool oneThread = new ForkJoinPool(1);
		ForkJoinPool threeThreads = new ForkJoinPool(3);
		try {
			KMeansFit alone = oneThread.submit(() -> KMeans.fit(blobs.matrix(), 6, 2, 2026)).get();
			KMeansFit shared = threeThreads.submit(() -> KMeans.fit(blobs.matrix(), 6, 2, 2026)).get();

			assertThat(shared.wcss()).isEqualTo(alone.wcss());
			assertThat(shared.labels()).containsExactly(alone.labels());
		}
		finally {
			oneThread.shutdown();
			threeThreads.shutdown();
		}
	}

	@Test
	void gaussianBlobsAreRecovered() {
		Blobs blobs = Blobs.generate(5000, 5, 4, 1.0, 10, 3);

		KMeansFit fit = KMeans.fit(blobs.matrix(), 5, 4, 1);

		assertThat(AdjustedRand.of(blobs.truth(), fit.labels())).isGreaterThanOrEqualTo(0.99);
	}

	@Test
	void startsOnASampleFinishOnAllRows() {
		Blobs blobs = Blobs.generate(40_000, 5, 4, 1.0, 10, 3);

		KMeansFit sampled = KMeans.fitFromSample(blobs.matrix(), 5, 4, 2_000, 1);
		KMeansFit full = KMeans.fit(blobs.matrix(), 5, 4, 1);

		assertThat(sampled.labels()).hasSize(40_000);
		assertThat(AdjustedRand.of(blobs.truth(), sampled.labels())).isGreaterThanOrEqualTo(0.99);
		assertThat(sampled.wcss()).isCloseTo(full.wcss(), within(full.wcss() * 1e-6));
	}

	@Test
	void refineStartsFromTheGivenCentres() {
		DataMatrix iris = Iris.load().matrix();
		KMeansFit best = KMeans.fit(iris, 3, 10, 42);

		KMeansFit again = KMeans.refine(iris, best.centroids());

		assertThat(again.wcss()).isCloseTo(best.wcss(), within(1e-9));
		assertThat(again.labels()).containsExactly(best.labels());
		assertThat(again.iterations()).isEqualTo(1);
	}

	@Test
	void moreClustersThanRowsIsRefused() {
		DataMatrix two = DataMatrix.ofRows(new double[][] { { 0 }, { 1 } });

		assertThatIllegalArgumentException().isThrownBy(() -> KMeans.fit(two, 3, 1, 0));
	}

	@Test
	void identicalRowsDoNotBreakTheStart() {
		DataMatrix same = DataMatrix.ofRows(new double[][] { { 1, 1 }, { 1, 1 }, { 1, 1 }, { 1, 1 } });

		KMeansFit fit = KMeans.fit(same, 2, 2, 0);

		assertThat(fit.wcss()).isZero();
		assertThat(fit.labels()).hasSize(4);
	}

}
