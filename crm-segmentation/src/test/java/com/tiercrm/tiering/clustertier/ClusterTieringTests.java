package com.tiercrm.tiering.clustertier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.tiercrm.tiering.cluster.AdjustedRand;
import com.tiercrm.tiering.model.CustomerFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster tier model's computation on synthetic customers whose groups are known.
 */
class ClusterTieringTests {

	private static final List<ClusterVariable> DEFAULT_VARIABLES = Arrays.stream(ClusterVariable.values())
		.filter(ClusterVariable::usedByDefault)
		.toList();

	private final CustomerBlobs blobs = CustomerBlobs.generate(200, 50, 7);

	@Test
	void recoversTheGroupsAndNumbersTheMostValuableFirst() {
		ClusterOutcome outcome = ClusterTiering.classify(this.blobs.facts(), options(3), null);
		int[] buyers = buyers(this.blobs.truth());
		assertThat(AdjustedRand.of(pick(this.blobs.truth(), buyers), pick(outcome.numbers(), buyers)))
			.isGreaterThanOrEqualTo(0.99);
		assertThat(numbersOfGroup(outcome, 0)).containsExactly(1);
		assertThat(numbersOfGroup(outcome, 1)).containsExactly(2);
		assertThat(numbersOfGroup(outcome, 2)).containsExactly(3);
		assertThat(outcome.clusters()).extracting(ClusterFigures::classCode).containsExactly("C01", "C02", "C03");
		assertThat(outcome.clusters()).extracting(ClusterFigures::customers).containsExactly(200, 200, 200);
		assertThat(outcome.clusters().get(0).revenueShare()).isGreaterThan(0.9);
		assertThat(outcome.clusters().get(0).name()).extracting("key").contains("cluster.name.frequency.high");
		assertThat(outcome.clusters().get(2).name()).extracting("key").contains("cluster.name.recency.high");
		assertThat(outcome.suggestedK()).isNull();
		assertThat(outcome.previousRunId()).isNull();
	}

	@Test
	void keepsTheKCurvesTheFactorsAndAHierarchyThatHelpChooseK() {
		ClusterOutcome outcome = ClusterTiering.classify(this.blobs.facts(), options(3), null);
		ClusterDiagnostics diagnostics = outcome.diagnostics();
		assertThat(diagnostics).isNotNull();
		assertThat(diagnostics.scores()).extracting(ClusterDiagnostics.Score::k)
			.containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
		// three groups: the silhouette says so although the manager set K
		assertThat(diagnostics.silhouetteK()).isEqualTo(3);
		assertThat(diagnostics.scores().get(0).wcss()).isGreaterThan(diagnostics.scores().get(8).wcss());
		assertThat(diagnostics.variables()).isEqualTo(outcome.variables());
		assertThat(diagnostics.explainedVariance()).hasSize(5);
		assertThat(diagnostics.explainedVariance().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1,
				org.assertj.core.api.Assertions.within(1e-9));
		assertThat(diagnostics.explainedVariance().get(0)).isGreaterThan(diagnostics.explainedVariance().get(1));
		assertThat(diagnostics.loadings()).hasSize(5).allSatisfy((component) -> assertThat(component).hasSize(5));
		assertThat(diagnostics.dendrogram()).isNotNull();
		assertThat(diagnostics.dendrogram().leaves()).isEqualTo(ClusterDiagnostics.DENDROGRAM_ROWS);
		// Ward's hierarchy of the sample, cut into three, puts each group together
		int[] cut = diagnostics.dendrogram().cut(3);
		assertThat(Arrays.stream(cut).distinct().count()).isEqualTo(3);
	}

	@Test
	void customersWhoNeverBoughtAreNotClustered() {
		ClusterOutcome outcome = ClusterTiering.classify(this.blobs.facts(), options(3), null);
		for (int i = 0; i < this.blobs.truth().length; i++) {
			assertThat(outcome.numbers()[i] == 0).isEqualTo(this.blobs.truth()[i] == CustomerBlobs.NONE);
		}
		assertThat(outcome.clustered()).isEqualTo(600);
		List<CustomerFacts> nobody = List.of(CustomerFacts.noPurchase(1), CustomerFacts.noPurchase(2));
		ClusterOutcome none = ClusterTiering.classify(nobody, options(0), null);
		assertThat(none.numbers()).containsExactly(0, 0);
		assertThat(none.clusters()).isEmpty();
	}

	@Test
	void aCustomerKeepsTheCodeOfTheGroupInTheNextRunWhateverTheOrderOfTheFacts() {
		ClusterOutcome first = ClusterTiering.classify(this.blobs.facts(), options(3), null);
		// The next run: the same customers in another order, a few days later, with new
		// customers who never bought.
		CustomerBlobs later = CustomerBlobs.generate(200, 80, 8);
		List<CustomerFacts> shuffled = new ArrayList<>(later.facts());
		Collections.shuffle(shuffled, new Random(3));
		ClusterOutcome second = ClusterTiering.classify(shuffled, options(3), first.asPrevious(41));
		Map<Long, Integer> before = numbersById(this.blobs.facts(), first);
		Map<Long, Integer> after = numbersById(shuffled, second);
		for (int i = 0; i < later.facts().size(); i++) {
			long id = later.facts().get(i).customerId();
			if (later.truth()[i] != CustomerBlobs.NONE && before.containsKey(id) && before.get(id) > 0) {
				assertThat(after.get(id)).as("customer %d", id).isEqualTo(before.get(id));
			}
		}
		assertThat(second.previousRunId()).isEqualTo(41L);
		assertThat(second.clusters()).allSatisfy((cluster) -> assertThat(cluster.previousDistance()).isLessThan(0.5));
	}

	@Test
	void matchedClustersKeepThePreviousCodesEvenWhenTheirValueOrderWouldDiffer() {
		ClusterOutcome first = ClusterTiering.classify(this.blobs.facts(), options(3), null);
		PreviousClusters previous = first.asPrevious(5);
		// The previous run called the big spenders C03 and the lapsed C01.
		Map<String, double[]> swapped = new HashMap<>(previous.centres());
		swapped.put("C01", previous.centres().get("C03"));
		swapped.put("C03", previous.centres().get("C01"));
		ClusterOutcome second = ClusterTiering.classify(this.blobs.facts(), options(3),
				new PreviousClusters(5, previous.variables(), swapped));
		assertThat(numbersOfGroup(second, 0)).containsExactly(3);
		assertThat(numbersOfGroup(second, 1)).containsExactly(2);
		assertThat(numbersOfGroup(second, 2)).containsExactly(1);
	}

	@Test
	void aNewClusterTakesTheFirstFreeCodeAndCentresOfOtherVariablesAreIgnored() {
		ClusterOutcome two = ClusterTiering.classify(this.blobs.facts(), options(2), null);
		ClusterOutcome three = ClusterTiering.classify(this.blobs.facts(), options(3), two.asPrevious(1));
		assertThat(three.clusters()).extracting(ClusterFigures::classCode).containsExactly("C01", "C02", "C03");
		assertThat(three.clusters()).filteredOn((cluster) -> Double.isNaN(cluster.previousDistance())).hasSize(1);
		PreviousClusters otherVariables = new PreviousClusters(1, List.of("recency"),
				Map.of("C01", new double[] { 400 }, "C02", new double[] { 5 }));
		ClusterOutcome fresh = ClusterTiering.classify(this.blobs.facts(), options(3), otherVariables);
		assertThat(numbersOfGroup(fresh, 0)).containsExactly(1);
		assertThat(fresh.clusters()).allSatisfy((cluster) -> assertThat(cluster.previousDistance()).isNaN());
	}

	@Test
	void suggestsTheNumberOfGroupsWhenKIsZero() {
		ClusterOutcome outcome = ClusterTiering.classify(this.blobs.facts(), options(0), null);
		assertThat(outcome.suggestedK()).isEqualTo(3);
		assertThat(outcome.clusters()).hasSize(3);
	}

	@Test
	void fewCustomersMakeFewerClustersThanAsked() {
		List<CustomerFacts> two = List.of(CustomerBlobs.customer(1, 3, 900, 10, 100),
				CustomerBlobs.customer(2, 3, 900, 10, 100), CustomerFacts.noPurchase(3));
		ClusterOutcome outcome = ClusterTiering.classify(two, options(5), null);
		assertThat(outcome.clusters()).hasSize(1);
		assertThat(outcome.numbers()).containsExactly(1, 1, 0);
		assertThat(ClusterTiering.classify(two, options(0), null).numbers()).containsExactly(1, 1, 0);
	}

	static ClusterOptions options(int k) {
		return new ClusterOptions(k, 4, DEFAULT_VARIABLES, ClusterTierModel.SEED);
	}

	private List<Integer> numbersOfGroup(ClusterOutcome outcome, int group) {
		List<Integer> numbers = new ArrayList<>();
		for (int i = 0; i < this.blobs.truth().length; i++) {
			if (this.blobs.truth()[i] == group && !numbers.contains(outcome.numbers()[i])) {
				numbers.add(outcome.numbers()[i]);
			}
		}
		return numbers;
	}

	private static Map<Long, Integer> numbersById(List<CustomerFacts> facts, ClusterOutcome outcome) {
		Map<Long, Integer> numbers = new HashMap<>();
		for (int i = 0; i < facts.size(); i++) {
			numbers.put(facts.get(i).customerId(), outcome.numbers()[i]);
		}
		return numbers;
	}

	private static int[] buyers(int[] truth) {
		return java.util.stream.IntStream.range(0, truth.length)
			.filter((i) -> truth[i] != CustomerBlobs.NONE)
			.toArray();
	}

	private static int[] pick(int[] values, int[] rows) {
		return Arrays.stream(rows).map((row) -> values[row]).toArray();
	}

}
