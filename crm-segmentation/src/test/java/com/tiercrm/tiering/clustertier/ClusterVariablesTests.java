package com.tiercrm.tiering.clustertier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.tiercrm.tiering.cluster.AdjustedRand;
import com.tiercrm.tiering.cluster.VariableSummary;
import com.tiercrm.tiering.model.CustomerFacts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Clusters on a mix of order facts, other numbers and categories, without a database: the
 * categories one-hot encoded, missing values counted and imputed, the CLV model's
 * predicted value on a log scale, and the discriminant placing a customer by category.
 */
class ClusterVariablesTests {

	private static final List<String> REGIONS = List.of("EAST", "NORTH", "SOUTH");

	/**
	 * Three groups of 40 buyers: frequent, satisfied buyers in the east; rare,
	 * dissatisfied ones in the north; and rare ones in the south, half of whom nobody
	 * surveyed. Five of the east have no region, and one of each group lives in the next
	 * group's region. Ten customers never bought.
	 */
	private final Mix mix = Mix.generate(40, 10, 7);

	private final ClusterOptions options = new ClusterOptions(3, 5, List.of(ClusterVariable.FREQUENCY,
			ClusterVariable.PREDICTED_CLV, ClusterVariable.SATISFACTION, ClusterVariable.REGION),
			ClusterTierModel.SEED);

	@Test
	void findsThePlantedGroupsOnNumbersAndACategory() {
		ClusterOutcome outcome = ClusterTiering.classify(this.mix.data(), this.options, null);
		int[] buyers = Arrays.stream(this.mix.truth()).filter((group) -> group >= 0).toArray();
		int[] found = Arrays.stream(outcome.numbers()).filter((number) -> number > 0).toArray();
		assertThat(found).hasSameSizeAs(buyers);
		// The three who live in another group's region may go with it (0.97 here); any
		// other mistake would take the index below 0.95.
		assertThat(AdjustedRand.of(buyers, found)).as("adjusted Rand index").isGreaterThanOrEqualTo(0.95);
		// Levels most frequent first: five of the east have no region.
		assertThat(outcome.variables()).containsExactly("frequency", "predictedClv", "satisfaction", "region=NORTH",
				"region=SOUTH", "region=EAST");
	}

	@Test
	void missingValuesAreCountedPerVariableNeverDropped() {
		ClusterOutcome outcome = ClusterTiering.classify(this.mix.data(), this.options, null);
		assertThat(outcome.summaries()).containsExactly(new VariableSummary("frequency", 0, 0, 0),
				new VariableSummary("predictedClv", 0, 0, 0), new VariableSummary("satisfaction", 20, 0, 0),
				new VariableSummary("region", 5, 3, 0));
		assertThat(outcome.clustered()).isEqualTo(120);
	}

	@Test
	void theCategoriesAreOneHotWithTopCategoriesPerCluster() {
		ClusterOutcome outcome = ClusterTiering.classify(this.mix.data(), this.options, null);
		ClusterFigures east = cluster(outcome, 0);
		assertThat(east.categories()).first().satisfies((category) -> {
			assertThat(category.variable()).isEqualTo("region");
			assertThat(category.level()).isEqualTo("EAST");
			assertThat(category.share()).isCloseTo(34 / 40.0, within(1e-9));
			assertThat(category.overallShare()).isCloseTo(35 / 120.0, within(1e-9));
		});
		ClusterFigures.Centre eastIndicator = east.variables()
			.stream()
			.filter((centre) -> centre.variable().equals("region=EAST"))
			.findFirst()
			.orElseThrow();
		// An indicator's centre and mean are the cluster's share at the level.
		assertThat(eastIndicator.centre()).isCloseTo(34 / 40.0, within(1e-9));
		assertThat(eastIndicator.mean()).isCloseTo(34 / 40.0, within(1e-9));
		assertThat(eastIndicator.zScore()).isGreaterThan(1);
		assertThat(cluster(outcome, 2).categories()).extracting((category) -> category.level())
			.containsExactly("SOUTH", "EAST");
	}

	@Test
	void thePredictedValueIsClusteredOnALogScale() {
		ClusterOutcome outcome = ClusterTiering.classify(this.mix.data(), this.options, null);
		ClusterFigures.Centre value = cluster(outcome, 0).variables().get(1);
		assertThat(value.variable()).isEqualTo("predictedClv");
		double[] predicted = this.mix.data().numbers().get(ClusterVariable.PREDICTED_CLV);
		double meanOfLogs = Arrays.stream(this.mix.rowsOf(0))
			.mapToDouble((row) -> Math.log1p(predicted[row]))
			.average()
			.orElseThrow();
		double mean = Arrays.stream(this.mix.rowsOf(0)).mapToDouble((row) -> predicted[row]).average().orElseThrow();
		// The centre in log1p units, the mean in money.
		assertThat(value.centre()).isCloseTo(meanOfLogs, within(1e-6));
		assertThat(value.mean()).isCloseTo(mean, within(1e-6));
	}

	@Test
	void theDiscriminantPlacesACustomerByCategoryAndCountsAnUnknownLevelAsMissing() {
		ClusterOutcome outcome = ClusterTiering.classify(this.mix.data(), this.options, null);
		Discriminant discriminant = discriminant(outcome);
		assertThat(discriminant.variableNames()).containsExactly("frequency", "predictedClv", "satisfaction", "region");
		assertThat(discriminant.levels()).containsExactly(Map.entry("region", List.of("NORTH", "SOUTH", "EAST")));
		String south = cluster(outcome, 2).classCode();
		String north = cluster(outcome, 1).classCode();
		Map<String, Double> rare = Map.of("frequency", 2.0, "predictedClv", 300.0);
		assertThat(discriminant.place(rare, Map.of("region", "SOUTH")).classCode()).isEqualTo(south);
		assertThat(discriminant.place(rare, Map.of("region", "NORTH")).classCode()).isEqualTo(north);
		Discriminant.Placement withoutRegion = discriminant.place(rare, Map.of());
		assertThat(withoutRegion.missingVariables()).containsExactly("satisfaction", "region");
	}

	@Test
	void aNewLevelOfACategoryKeepsTheClustersCodes() {
		ClusterOutcome first = ClusterTiering.classify(this.mix.data(), this.options, null);
		PreviousClusters previous = first.asPrevious(5);
		// The previous run called the east C03 and the south C01, against their value.
		String east = cluster(first, 0).classCode();
		String south = cluster(first, 2).classCode();
		Map<String, double[]> swapped = new HashMap<>(previous.centres());
		swapped.put(east, previous.centres().get(south));
		swapped.put(south, previous.centres().get(east));
		// By the next run, six of the south have moved to a region nobody lived in.
		String[] regions = this.mix.data().categories().get(ClusterVariable.REGION).clone();
		int[] southRows = this.mix.rowsOf(2);
		for (int i = 0; i < 6; i++) {
			regions[southRows[i]] = "WEST";
		}
		ClusterData later = new ClusterData(this.mix.data().facts(), this.mix.data().numbers(),
				Map.of(ClusterVariable.REGION, regions));

		ClusterOutcome second = ClusterTiering.classify(later, this.options,
				new PreviousClusters(5, previous.variables(), swapped));

		assertThat(second.variables()).contains("region=WEST").hasSize(previous.variables().size() + 1);
		assertThat(cluster(second, 0).classCode()).isEqualTo(south);
		assertThat(cluster(second, 2).classCode()).isEqualTo(east);
		assertThat(cluster(second, 1).classCode()).isEqualTo(cluster(first, 1).classCode());
		assertThat(second.clusters()).allSatisfy((cluster) -> assertThat(cluster.previousDistance()).isFinite());
	}

	@Test
	void clustersOnOtherVariablesAreNotMatched() {
		PreviousClusters previous = ClusterTiering.classify(this.mix.data(), this.options, null).asPrevious(5);
		List<String> withoutRegion = previous.variables()
			.stream()
			.filter((name) -> !name.startsWith("region="))
			.toList();
		ClusterOutcome second = ClusterTiering.classify(this.mix.data(),
				new ClusterOptions(3, 5,
						List.of(ClusterVariable.FREQUENCY, ClusterVariable.PREDICTED_CLV, ClusterVariable.SATISFACTION),
						ClusterTierModel.SEED),
				previous);
		ClusterOutcome numbersOnly = ClusterTiering.classify(this.mix.data(), this.options,
				new PreviousClusters(5, withoutRegion, previous.centres()));

		assertThat(second.clusters()).allSatisfy((cluster) -> assertThat(cluster.previousDistance()).isNaN());
		assertThat(numbersOnly.clusters()).allSatisfy((cluster) -> assertThat(cluster.previousDistance()).isNaN());
	}

	/** The cluster most of a planted group is in. */
	private ClusterFigures cluster(ClusterOutcome outcome, int group) {
		int[] rows = this.mix.rowsOf(group);
		int number = outcome.numbers()[rows[10]];
		return outcome.clusters().get(number - 1);
	}

	private static Discriminant discriminant(ClusterOutcome outcome) {
		List<Discriminant.Function> functions = new ArrayList<>();
		for (ClusterFigures cluster : outcome.clusters()) {
			functions.add(new Discriminant.Function(cluster.classCode(), cluster.discriminantConstant(),
					cluster.variables().stream().mapToDouble(ClusterFigures.Centre::discriminantWeight).toArray(),
					cluster.variables().stream().mapToDouble(ClusterFigures.Centre::discriminantMissing).toArray()));
		}
		return new Discriminant(1, outcome.variables(), functions,
				java.util.Objects.requireNonNull(outcome.discriminantAccuracy()));
	}

	/** Customers of planted groups with the values of every variable. */
	record Mix(ClusterData data, int[] truth) {

		static Mix generate(int perGroup, int nonBuyers, long seed) {
			SplittableRandom random = new SplittableRandom(seed);
			List<CustomerFacts> facts = new ArrayList<>();
			List<Integer> truth = new ArrayList<>();
			List<Double> satisfaction = new ArrayList<>();
			List<Double> predicted = new ArrayList<>();
			List<@Nullable String> regions = new ArrayList<>();
			long id = 1;
			for (int group = 0; group < 3; group++) {
				for (int i = 0; i < perGroup; i++) {
					int days = (group == 0) ? 12 + random.nextInt(4) : 1 + random.nextInt(2);
					facts.add(CustomerBlobs.customer(id++, days, 1_000 * days, 10, 200));
					truth.add(group);
					satisfaction.add(switch (group) {
						case 0 -> 4.5 + random.nextDouble() / 2;
						case 1 -> 1 + random.nextDouble() / 2;
						default -> (i % 2 == 0) ? Double.NaN : 3 + random.nextDouble() / 2;
					});
					predicted.add((group == 0) ? 20_000 * (0.8 + 0.4 * random.nextDouble())
							: 300 * (0.8 + 0.4 * random.nextDouble()));
					regions
						.add((group == 0 && i < 5) ? null : REGIONS.get((i == perGroup - 1) ? (group + 1) % 3 : group));
				}
			}
			for (int i = 0; i < nonBuyers; i++) {
				facts.add(CustomerFacts.noPurchase(id++));
				truth.add(CustomerBlobs.NONE);
				satisfaction.add(Double.NaN);
				predicted.add(Double.NaN);
				regions.add("EAST");
			}
			ClusterData data = new ClusterData(facts, Map.of(ClusterVariable.SATISFACTION,
					satisfaction.stream().mapToDouble(Double::doubleValue).toArray(), ClusterVariable.PREDICTED_CLV,
					predicted.stream().mapToDouble(Double::doubleValue).toArray()),
					Map.of(ClusterVariable.REGION, regions.toArray(String[]::new)));
			return new Mix(data, truth.stream().mapToInt(Integer::intValue).toArray());
		}

		int[] rowsOf(int group) {
			return java.util.stream.IntStream.range(0, this.truth.length)
				.filter((row) -> this.truth[row] == group)
				.toArray();
		}

	}

}
