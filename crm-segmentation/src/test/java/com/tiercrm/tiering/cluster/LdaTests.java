package com.tiercrm.tiering.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LdaTests {

	@Test
	void irisSpeciesAreClassifiedAsPublished() {
		Iris iris = Iris.load();

		Lda.Accuracy accuracy = Lda.resubstitution(iris.matrix(), iris.species(), 3);

		// R's MASS::lda and scikit-learn's LinearDiscriminantAnalysis: 147 of 150 (98 %)
		assertThat(accuracy.correct()).isEqualTo(147);
		assertThat(accuracy.share()).isEqualTo(0.98);
	}

	@Test
	void crossValidatedAccuracyIsHighButNotAboveResubstitution() {
		Iris iris = Iris.load();

		Lda.Accuracy crossValidated = Lda.crossValidated(iris.matrix(), iris.species(), 3, 10, 1);

		assertThat(crossValidated.rows()).isEqualTo(150);
		assertThat(crossValidated.share()).isBetween(0.96, 0.98);
		assertThat(Lda.crossValidated(iris.matrix(), iris.species(), 3, 10, 1)).isEqualTo(crossValidated);
	}

	@Test
	void newRowsPreparedLikeTheTrainingOnesJoinTheirCluster() {
		Blobs blobs = Blobs.generate(3400, 4, 3, 0.5, 10, 21);
		int[] training = IntStream.range(0, 3000).toArray();
		int[] fresh = IntStream.range(3000, 3400).toArray();
		PreparedData prepared = ClusterAnalysis.prepare(columns(blobs.matrix().select(training)));
		KMeansFit fit = KMeans.fit(prepared.matrix(), 4, 3, 5);
		Lda lda = Lda.train(prepared.matrix(), fit.labels(), 4);

		int[] classified = lda.classify(prepared.prepareLike(columns(blobs.matrix().select(fresh))));

		int[] truth = Arrays.stream(fresh).map((r) -> blobs.truth()[r]).toArray();
		assertThat(AdjustedRand.of(truth, classified)).isGreaterThanOrEqualTo(0.99);
	}

	@Test
	void oneHotColumnsThatAlwaysSumToOneDoNotBreakTheCovariance() {
		int rows = 200;
		double[] spend = new double[rows];
		String[] channel = new String[rows];
		int[] labels = new int[rows];
		for (int r = 0; r < rows; r++) {
			labels[r] = r % 2;
			spend[r] = (labels[r] == 0) ? 10 + r % 7 : 100 + r % 7;
			channel[r] = (r % 3 == 0) ? "web" : "store";
		}
		PreparedData prepared = ClusterAnalysis.prepare(new ClusterInput(
				List.of(NumericVariable.linear("spend", spend)), List.of(new CategoricalVariable("channel", channel))));

		Lda.Accuracy accuracy = Lda.resubstitution(prepared.matrix(), labels, 2);

		assertThat(accuracy.correct()).isEqualTo(rows);
	}

	@Test
	void aLevelFoundInOneClusterOnlyCarriesWeight() {
		// Spend is drawn alike in both clusters; only the channel tells them apart, and
		// each channel lies entirely inside one cluster, so neither indicator varies
		// within
		// a cluster and the pooled covariance is singular along them.
		int rows = 400;
		double[] spend = new double[rows];
		String[] channel = new String[rows];
		int[] labels = new int[rows];
		SplittableRandom random = new SplittableRandom(5);
		for (int r = 0; r < rows; r++) {
			labels[r] = r % 2;
			spend[r] = 50 + 10 * random.nextDouble();
			channel[r] = (labels[r] == 0) ? "web" : "store";
		}
		PreparedData prepared = ClusterAnalysis.prepare(new ClusterInput(
				List.of(NumericVariable.linear("spend", spend)), List.of(new CategoricalVariable("channel", channel))));
		int web = prepared.matrix().columnNames().indexOf("channel=web");

		Lda lda = Lda.train(prepared.matrix(), labels, 2);

		assertThat(lda.weights()[0][web] - lda.weights()[1][web]).isGreaterThan(1);
		assertThat(Lda.resubstitution(prepared.matrix(), labels, 2).correct()).isEqualTo(rows);
		assertThat(Lda.crossValidated(prepared.matrix(), labels, 2, 5, 1).correct()).isEqualTo(rows);
	}

	@Test
	void shrinkageIsSmallWithManyRowsForTheColumns() {
		Iris iris = Iris.load();
		int[] species = iris.species();
		double[][] means = new double[3][4];
		int[] counts = new int[3];
		for (int r = 0; r < 150; r++) {
			counts[species[r]]++;
			for (int j = 0; j < 4; j++) {
				means[species[r]][j] += iris.matrix().get(r, j);
			}
		}
		for (int c = 0; c < 3; c++) {
			for (int j = 0; j < 4; j++) {
				means[c][j] /= counts[c];
			}
		}
		double[][] pooled = Pca.covariance(iris.matrix(), (row) -> means[species[row]], 147);

		assertThat(Lda.shrinkage(iris.matrix(), species, means, pooled)).isBetween(0.001, 0.2);
	}

	static ClusterInput columns(DataMatrix matrix) {
		return ClusterInput.numeric(IntStream.range(0, matrix.columns())
			.mapToObj((j) -> NumericVariable.linear(matrix.columnNames().get(j), PcaTests.column(matrix, j)))
			.toList());
	}

}
