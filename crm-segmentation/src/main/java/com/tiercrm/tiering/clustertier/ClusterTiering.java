package com.tiercrm.tiering.clustertier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.tiercrm.tiering.cluster.CategoricalVariable;
import com.tiercrm.tiering.cluster.CentroidMatching;
import com.tiercrm.tiering.cluster.ClusterAnalysis;
import com.tiercrm.tiering.cluster.ClusterInput;
import com.tiercrm.tiering.cluster.ClusterProfile;
import com.tiercrm.tiering.cluster.ClusterProfiles;
import com.tiercrm.tiering.cluster.DataMatrix;
import com.tiercrm.tiering.cluster.Dendrogram;
import com.tiercrm.tiering.cluster.KChoice;
import com.tiercrm.tiering.cluster.KMeans;
import com.tiercrm.tiering.cluster.KMeansFit;
import com.tiercrm.tiering.cluster.Lda;
import com.tiercrm.tiering.cluster.NumericVariable;
import com.tiercrm.tiering.cluster.Pca;
import com.tiercrm.tiering.cluster.PreparedColumn;
import com.tiercrm.tiering.cluster.PreparedData;
import com.tiercrm.tiering.cluster.Ward;
import com.tiercrm.tiering.model.CustomerFacts;
import org.jspecify.annotations.Nullable;

/**
 * Puts the customers who bought into k-means clusters of their behaviour, plain Java:
 * facts in, cluster numbers out. The first time, clusters are numbered by their mean
 * revenue, highest first, so that {@code C01} is the most valuable; after that each
 * cluster keeps the number of the previous run's cluster whose centre is nearest (one to
 * one, least total distance), and only new clusters are numbered by value among the
 * numbers left.
 */
final class ClusterTiering {

	/** The most clusters, and the largest K the suggestion tries. */
	static final int MAX_CLUSTERS = 10;

	/**
	 * Samples of the K suggestion: k-means at each K on this many rows, silhouettes on a
	 * sample of those. Smaller than the engine's defaults because it runs in every
	 * segmentation run; docs/performance.md has the cost.
	 */
	static final KChoice.Settings K_CHOICE = new KChoice.Settings(20_000, 2_000, 2, 0);

	/** The k-means++ starts run on a sample this large before Lloyd on all rows. */
	static final int FIT_SAMPLE_ROWS = 50_000;

	/**
	 * The linear discriminant that places customers who arrive after the run is trained
	 * on this many clustered customers at most, and cross-validated in
	 * {@value #DISCRIMINANT_FOLDS} folds on {@value #DISCRIMINANT_VALIDATION_ROWS}.
	 */
	static final int DISCRIMINANT_ROWS = 50_000;

	static final int DISCRIMINANT_VALIDATION_ROWS = 20_000;

	static final int DISCRIMINANT_FOLDS = 5;

	private ClusterTiering() {
	}

	/**
	 * Clusters the customers who bought.
	 * @param facts every customer's facts
	 * @param options K, starts, variables and seed
	 * @param previous the previous run's clusters, or {@code null}; used only when they
	 * were made from the same variables
	 * @return each customer's cluster and every cluster's figures
	 */
	static ClusterOutcome classify(List<CustomerFacts> facts, ClusterOptions options,
			@Nullable PreviousClusters previous) {
		return classify(ClusterData.of(facts), options, previous);
	}

	/**
	 * Clusters the customers who bought, on order facts and other variables.
	 * @param data every customer's facts and the values of the variables that are not
	 * order facts
	 * @param options K, starts, variables and seed
	 * @param previous the previous run's clusters, or {@code null}; used only when they
	 * were made from the same prepared columns
	 * @return each customer's cluster and every cluster's figures
	 */
	static ClusterOutcome classify(ClusterData data, ClusterOptions options, @Nullable PreviousClusters previous) {
		List<CustomerFacts> facts = data.facts();
		int n = facts.size();
		int[] buyerRows = IntStream.range(0, n).filter((i) -> facts.get(i).hasPurchased()).toArray();
		int m = buyerRows.length;
		int[] numbers = new int[n];
		double[] distances = new double[n];
		int[] runnersUp = new int[n];
		double[] runnerUpDistances = new double[n];
		Arrays.fill(distances, Double.NaN);
		Arrays.fill(runnerUpDistances, Double.NaN);
		@Nullable Long previousRunId = (previous != null) ? previous.runId() : null;
		if (m == 0) {
			List<String> names = options.variables().stream().map(ClusterVariable::variableName).toList();
			return new ClusterOutcome(numbers, distances, runnersUp, runnerUpDistances, names, List.of(), null,
					previousRunId, null, null, List.of());
		}
		List<NumericVariable> variables = new ArrayList<>();
		List<CategoricalVariable> categories = new ArrayList<>();
		for (ClusterVariable variable : options.variables()) {
			if (variable.categorical()) {
				@Nullable String[] levels = new String[m];
				for (int b = 0; b < m; b++) {
					levels[b] = data.category(variable, buyerRows[b]);
				}
				categories.add(new CategoricalVariable(variable.variableName(), levels));
			}
			else {
				double[] values = new double[m];
				for (int b = 0; b < m; b++) {
					values[b] = data.number(variable, buyerRows[b]);
				}
				variables.add(new NumericVariable(variable.variableName(), values, variable.scale()));
			}
		}
		PreparedData prepared = ClusterAnalysis.prepare(new ClusterInput(variables, categories));
		// The prepared columns: a numeric variable's own, an indicator per kept level.
		List<String> names = prepared.columns().stream().map(PreparedColumn::name).toList();
		DataMatrix matrix = prepared.matrix();
		int k = options.k();
		Integer suggestedK = null;
		// The K curves are kept for the charts whether or not a manager set K.
		KChoice choice = (m >= 3) ? KChoice.suggest(matrix, 2, Math.min(MAX_CLUSTERS, m - 1), new KChoice.Settings(
				K_CHOICE.clusteredRows(), K_CHOICE.silhouetteRows(), K_CHOICE.starts(), options.seed())) : null;
		if (k == 0) {
			k = (choice != null) ? choice.suggested() : 1;
			suggestedK = k;
		}
		ClusterDiagnostics diagnostics = diagnostics(matrix, names, choice, options.seed());
		KMeansFit fit = KMeans.fitFromSample(matrix, Math.min(k, m), options.starts(), FIT_SAMPLE_ROWS, options.seed());
		// Identical rows can leave a cluster empty: it is dropped, not made a tier.
		double[][] centroids = IntStream.range(0, fit.k())
			.filter((c) -> fit.sizes()[c] > 0)
			.mapToObj((c) -> fit.centroids()[c])
			.toArray(double[][]::new);
		int clusters = centroids.length;
		int[] labels = new int[m];
		double[] nearest = new double[m];
		int[] second = new int[m];
		double[] secondDistance = new double[m];
		assign(matrix, centroids, labels, nearest, second, secondDistance);
		Lda discriminant = null;
		Lda.Accuracy accuracy = null;
		// Cross-validation needs more rows than clusters in every fold's training part.
		if (clusters >= 2 && m >= DISCRIMINANT_FOLDS * (clusters + 1)) {
			discriminant = Lda.trainOnSample(matrix, labels, clusters, DISCRIMINANT_ROWS, options.seed());
			accuracy = Lda.crossValidatedOnSample(matrix, labels, clusters, DISCRIMINANT_FOLDS,
					DISCRIMINANT_VALIDATION_ROWS, options.seed());
		}
		double[] revenue = new double[m];
		double[] profit = new double[m];
		double[] revenueSums = new double[clusters];
		int[] sizes = new int[clusters];
		for (int b = 0; b < m; b++) {
			CustomerFacts customer = facts.get(buyerRows[b]);
			revenue[b] = customer.totalRevenue();
			profit[b] = customer.totalGrossProfit();
			revenueSums[labels[b]] += revenue[b];
			sizes[labels[b]]++;
		}
		List<ClusterProfile> profiles = ClusterProfiles.of(prepared, labels, clusters, revenue, profit);
		double[] previousDistance = new double[clusters];
		int[] number = number(centroids, prepared, revenueSums, sizes, names, previous, previousDistance);
		for (int b = 0; b < m; b++) {
			int row = buyerRows[b];
			numbers[row] = number[labels[b]];
			distances[row] = nearest[b];
			runnersUp[row] = (second[b] >= 0) ? number[second[b]] : 0;
			runnerUpDistances[row] = (second[b] >= 0) ? secondDistance[b] : Double.NaN;
		}
		double[] overallShares = new double[names.size()];
		double[][] clusterShares = new double[clusters][names.size()];
		indicatorShares(prepared, labels, sizes, overallShares, clusterShares);
		List<ClusterFigures> figures = new ArrayList<>();
		for (int c = 0; c < clusters; c++) {
			ClusterProfile profile = profiles.get(c);
			List<ClusterFigures.Centre> centres = new ArrayList<>();
			// The discriminant in the variables' transformed units, so that a customer's
			// values can be placed without this run's means and standard deviations:
			// w·(x - μ)/σ = (w/σ)·x - w·μ/σ. An indicator is neither centred nor scaled:
			// its weight is the discriminant's, and a missing level sets no indicator.
			double constant = (discriminant != null) ? discriminant.constants()[c] : Double.NaN;
			for (int j = 0; j < names.size(); j++) {
				PreparedColumn column = prepared.columns().get(j);
				double weight = Double.NaN;
				double missing = Double.NaN;
				if (column.indicator()) {
					if (discriminant != null) {
						weight = discriminant.weights()[c][j];
						missing = 0;
					}
					double share = overallShares[j];
					double spread = Math.sqrt(share * (1 - share));
					centres.add(new ClusterFigures.Centre(names.get(j), centroids[c][j], clusterShares[c][j],
							(spread > 0) ? (clusterShares[c][j] - share) / spread : 0, weight, missing));
					continue;
				}
				ClusterProfile.VariableProfile variable = profile.variables().get(j);
				if (discriminant != null) {
					weight = (column.standardDeviation() > 0)
							? discriminant.weights()[c][j] / column.standardDeviation() : 0;
					missing = weight * column.mean();
					constant -= missing;
				}
				centres.add(new ClusterFigures.Centre(names.get(j), untransform(column, centroids[c][j]),
						variable.mean(), variable.zScore(), weight, missing));
			}
			figures.add(new ClusterFigures(ClusterOutcome.classCode(number[c]), profile.size(), profile.revenueShare(),
					profile.profitShare(), profile.name(), previousDistance[c], centres, constant,
					profile.topCategories()));
		}
		figures.sort(Comparator.comparing(ClusterFigures::classCode));
		return new ClusterOutcome(numbers, distances, runnersUp, runnerUpDistances, names, figures, suggestedK,
				previousRunId, accuracy, diagnostics, prepared.variables());
	}

	/**
	 * Each indicator column's share of all clustered customers and of each cluster's (the
	 * share at that level); 0 for numeric columns.
	 */
	private static void indicatorShares(PreparedData prepared, int[] labels, int[] sizes, double[] overall,
			double[][] byCluster) {
		DataMatrix matrix = prepared.matrix();
		List<PreparedColumn> columns = prepared.columns();
		for (int j = 0; j < columns.size(); j++) {
			if (!columns.get(j).indicator()) {
				continue;
			}
			double total = 0;
			for (int r = 0; r < labels.length; r++) {
				double value = matrix.get(r, j);
				byCluster[labels[r]][j] += value;
				total += value;
			}
			overall[j] = (labels.length > 0) ? total / labels.length : 0;
			for (int c = 0; c < sizes.length; c++) {
				byCluster[c][j] = (sizes[c] > 0) ? byCluster[c][j] / sizes[c] : 0;
			}
		}
	}

	/**
	 * The figures that help choose K and the variables: the K curves, the principal
	 * components (one pass over the rows) and Ward's hierarchy of a small sample.
	 */
	private static ClusterDiagnostics diagnostics(DataMatrix matrix, List<String> names, @Nullable KChoice choice,
			long seed) {
		List<ClusterDiagnostics.Score> scores = (choice != null) ? choice.scores()
			.stream()
			.map((score) -> new ClusterDiagnostics.Score(score.k(), score.wcss(), score.silhouette()))
			.toList() : List.of();
		List<Double> explained = List.of();
		List<List<Double>> loadings = List.of();
		if (matrix.rows() >= 2) {
			Pca pca = Pca.fit(matrix);
			explained = Arrays.stream(pca.explainedVariance()).boxed().toList();
			loadings = Arrays.stream(pca.loadings()).map((row) -> Arrays.stream(row).boxed().toList()).toList();
		}
		Dendrogram dendrogram = (matrix.rows() >= 3)
				? Ward.onSample(matrix, ClusterDiagnostics.DENDROGRAM_ROWS, seed).dendrogram() : null;
		return new ClusterDiagnostics(scores, (choice != null) ? choice.suggested() : null,
				(choice != null) ? choice.elbow() : null, names, explained, loadings, dendrogram);
	}

	/**
	 * The number of each cluster: the matched previous cluster's, else the first free
	 * number in order of mean revenue, highest first.
	 */
	private static int[] number(double[][] centroids, PreparedData prepared, double[] revenueSums, int[] sizes,
			List<String> names, @Nullable PreviousClusters previous, double[] previousDistance) {
		int clusters = centroids.length;
		int[] number = new int[clusters];
		boolean[] taken = new boolean[MAX_CLUSTERS + 1];
		Arrays.fill(previousDistance, Double.NaN);
		int[] sameColumn = (previous != null) ? sameColumns(previous.variables(), prepared.columns()) : null;
		if (previous != null && sameColumn != null && !previous.centres().isEmpty()) {
			List<Map.Entry<String, double[]>> before = previous.centres()
				.entrySet()
				.stream()
				.filter((entry) -> ClusterOutcome.number(entry.getKey()) > 0)
				.sorted(Map.Entry.comparingByKey())
				.toList();
			double[][] restandardised = before.stream()
				.map((entry) -> standardise(prepared.columns(), aligned(entry.getValue(), sameColumn)))
				.toArray(double[][]::new);
			if (restandardised.length > 0) {
				CentroidMatching matching = CentroidMatching.match(restandardised, centroids);
				for (int c = 0; c < clusters; c++) {
					int matched = matching.previousOf()[c];
					if (matched >= 0) {
						number[c] = ClusterOutcome.number(before.get(matched).getKey());
						taken[number[c]] = true;
						previousDistance[c] = matching.distance()[c];
					}
				}
			}
		}
		Integer[] byValue = IntStream.range(0, clusters).boxed().toArray(Integer[]::new);
		Arrays.sort(byValue, Comparator.comparingDouble((Integer c) -> -revenueSums[c] / Math.max(1, sizes[c])));
		int free = 1;
		for (int c : byValue) {
			if (number[c] == 0) {
				while (taken[free]) {
					free++;
				}
				number[c] = free;
				taken[free] = true;
			}
		}
		return number;
	}

	/**
	 * Where each of this run's columns was in the previous run's centres: the same
	 * numeric variables and categorical variables are needed, but the levels with an
	 * indicator may differ (a new level appeared, or a rare one left the most frequent),
	 * so that a new level does not renumber the clusters. An indicator the previous run
	 * did not have is -1: its share was 0 there, as nobody had the column.
	 * @param before the previous run's column names
	 * @param columns this run's columns
	 * @return the previous position of each column, or {@code null} when the variables
	 * differ and the clusters cannot be matched
	 */
	static int @Nullable [] sameColumns(List<String> before, List<PreparedColumn> columns) {
		Set<String> variablesBefore = new HashSet<>();
		for (String name : before) {
			variablesBefore.add(ClusterPreparation.variableOf(name));
		}
		Set<String> variablesNow = new HashSet<>();
		int[] positions = new int[columns.size()];
		for (int j = 0; j < positions.length; j++) {
			PreparedColumn column = columns.get(j);
			variablesNow.add(ClusterPreparation.variableOf(column.name()));
			positions[j] = before.indexOf(column.name());
			if (positions[j] < 0 && !column.indicator()) {
				return null;
			}
		}
		return variablesBefore.equals(variablesNow) ? positions : null;
	}

	private static double[] aligned(double[] centre, int[] sameColumn) {
		double[] values = new double[sameColumn.length];
		for (int j = 0; j < values.length; j++) {
			values[j] = (sameColumn[j] >= 0) ? centre[sameColumn[j]] : 0;
		}
		return values;
	}

	/**
	 * A previous centre in this run's standardised space: the means and standard
	 * deviations move from run to run, the transformed units do not.
	 */
	private static double[] standardise(List<PreparedColumn> columns, double[] centre) {
		double[] z = new double[columns.size()];
		for (int j = 0; j < z.length; j++) {
			PreparedColumn column = columns.get(j);
			if (column.indicator()) {
				z[j] = centre[j];
			}
			else {
				z[j] = (column.standardDeviation() > 0) ? (centre[j] - column.mean()) / column.standardDeviation() : 0;
			}
		}
		return z;
	}

	private static double untransform(PreparedColumn column, double z) {
		if (column.indicator()) {
			return z;
		}
		return column.mean() + z * column.standardDeviation();
	}

	/**
	 * Each row's nearest centre and the next nearest, with their Euclidean distances.
	 */
	private static void assign(DataMatrix matrix, double[][] centroids, int[] labels, double[] nearest, int[] second,
			double[] secondDistance) {
		int d = matrix.columns();
		double[] x = matrix.values();
		IntStream.range(0, matrix.rows()).parallel().forEach((r) -> {
			int best = -1;
			int next = -1;
			double bestDistance = Double.POSITIVE_INFINITY;
			double nextDistance = Double.POSITIVE_INFINITY;
			for (int c = 0; c < centroids.length; c++) {
				double distance = 0;
				for (int j = 0; j < d; j++) {
					double difference = x[r * d + j] - centroids[c][j];
					distance += difference * difference;
				}
				if (distance < bestDistance) {
					next = best;
					nextDistance = bestDistance;
					best = c;
					bestDistance = distance;
				}
				else if (distance < nextDistance) {
					next = c;
					nextDistance = distance;
				}
			}
			labels[r] = best;
			nearest[r] = Math.sqrt(bestDistance);
			second[r] = next;
			secondDistance[r] = (next >= 0) ? Math.sqrt(nextDistance) : Double.NaN;
		});
	}

}
