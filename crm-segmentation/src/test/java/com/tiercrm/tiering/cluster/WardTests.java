package com.tiercrm.tiering.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WardTests {

	@Test
	void threePointsOnALine() {
		Dendrogram dendrogram = Ward.fit(DataMatrix.ofRows(new double[][] { { 0 }, { 1 }, { 5 } }));

		// {0, 1} at their distance; then {0, 1} with 5: sqrt(2 * 2 * 1 / 3) * 4.5 =
		// sqrt(27)
		assertThat(dendrogram.merges()).containsExactly(new Dendrogram.Merge(0, 1, 1, 2),
				new Dendrogram.Merge(2, 3, Math.sqrt(27), 3));
	}

	@Test
	void irisMergesAreScipys() throws IOException {
		Dendrogram dendrogram = Ward.fit(Iris.load().matrix());
		List<String[]> scipy = scipyLinkage();

		assertThat(dendrogram.merges()).hasSize(149);
		for (int m = 0; m < 149; m++) {
			assertThat(dendrogram.merges().get(m).height()).as("merge %d", m)
				.isCloseTo(Double.parseDouble(scipy.get(m)[2]), within(1e-9));
		}
		// the last merges are unambiguous: same clusters, same sizes
		for (int m = 140; m < 149; m++) {
			Dendrogram.Merge merge = dendrogram.merges().get(m);
			assertThat(new int[] { merge.left(), merge.right(), merge.size() }).as("merge %d", m)
				.containsExactly(Integer.parseInt(scipy.get(m)[0]), Integer.parseInt(scipy.get(m)[1]),
						Integer.parseInt(scipy.get(m)[3]));
		}
	}

	@Test
	void squaredHeightsAddUpToTheTotalSumOfSquares() {
		DataMatrix iris = Iris.load().matrix();
		Dendrogram dendrogram = Ward.fit(iris);

		// each Ward merge raises the within-cluster sum of squares by height² / 2
		double increases = Arrays.stream(dendrogram.heights()).map((h) -> h * h / 2).sum();
		assertThat(increases).isCloseTo(KMeans.meanVariance(iris) * iris.rows() * iris.columns(), within(1e-9));
	}

	@Test
	void cuttingInThreeGivesScipysClusters() {
		Iris iris = Iris.load();
		int[] labels = Ward.fit(iris.matrix()).cut(3);

		// scipy fcluster(linkage(X, 'ward'), 3, 'maxclust'): 50, 36, 64 rows, ARI 0.7312
		// with the species
		assertThat(AdjustedRand.of(iris.species(), labels)).isCloseTo(0.7311985567707746, within(1e-12));
		assertThat(Arrays.stream(sizes(labels, 3)).sorted().toArray()).containsExactly(36, 50, 64);
		assertThat(labels[0]).isZero();
	}

	@Test
	void aSampleOfBlobsShowsItsClustersInTheLastMerges() {
		Blobs blobs = Blobs.generate(20_000, 4, 5, 1.0, 10, 8);

		Ward.Sample sample = Ward.onSample(blobs.matrix(), 1_000, 3);

		assertThat(sample.rows()).hasSize(1_000).isSorted();
		int[] truth = Arrays.stream(sample.rows()).map((row) -> blobs.truth()[row]).toArray();
		assertThat(AdjustedRand.of(truth, sample.dendrogram().cut(4))).isGreaterThanOrEqualTo(0.99);
		double[] heights = sample.dendrogram().heights();
		// the merges that join whole blobs stand far above the one before them
		assertThat(heights[heights.length - 3]).isGreaterThan(3 * heights[heights.length - 4]);
	}

	private static int[] sizes(int[] labels, int k) {
		int[] sizes = new int[k];
		for (int label : labels) {
			sizes[label]++;
		}
		return sizes;
	}

	private static List<String[]> scipyLinkage() throws IOException {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				WardTests.class.getResourceAsStream("/cluster/iris_ward_scipy.csv"), StandardCharsets.US_ASCII))) {
			return reader.lines().skip(1).map((line) -> line.split(",")).toList();
		}
	}

}
