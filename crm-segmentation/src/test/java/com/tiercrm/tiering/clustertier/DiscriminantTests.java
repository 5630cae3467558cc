package com.tiercrm.tiering.clustertier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.model.CustomerFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The discriminant a run trains on its clusters, as the run keeps it (per cluster, in the
 * variables' transformed units), places customers where k-means put them.
 */
class DiscriminantTests {

	private final CustomerBlobs blobs = CustomerBlobs.generate(200, 50, 7);

	private final ClusterOutcome outcome = ClusterTiering.classify(this.blobs.facts(), ClusterTieringTests.options(3),
			null);

	private final Discriminant discriminant = kept(this.outcome);

	@Test
	void theRunCrossValidatesTheDiscriminantOnItsCustomers() {
		assertThat(this.outcome.discriminantAccuracy()).isNotNull();
		assertThat(this.outcome.discriminantAccuracy().rows()).isEqualTo(600);
		assertThat(this.outcome.discriminantAccuracy().share()).isGreaterThanOrEqualTo(0.99);
	}

	@Test
	void placesEachClusteredCustomerInTheirOwnClusterFromTheirValues() {
		int placed = 0;
		int same = 0;
		for (int i = 0; i < this.blobs.facts().size(); i++) {
			CustomerFacts facts = this.blobs.facts().get(i);
			if (this.outcome.numbers()[i] > 0) {
				Discriminant.Placement placement = this.discriminant.place(this.discriminant.values(facts));
				placed++;
				if (placement.classCode().equals(ClusterOutcome.classCode(this.outcome.numbers()[i]))) {
					same++;
				}
				assertThat(placement.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
					.isCloseTo(1, within(1e-9));
				assertThat(placement.provisional()).isTrue();
				assertThat(placement.tier()).startsWith("CLUSTER:C0");
			}
		}
		assertThat(placed).isEqualTo(600);
		assertThat((double) same / placed).isGreaterThanOrEqualTo(0.99);
	}

	@Test
	void aMissingValueCountsAsTheMeanAndIsNamed() {
		CustomerFacts best = this.blobs.facts().get(firstOf(1));
		double meanRecency = this.blobs.facts()
			.stream()
			.filter(CustomerFacts::hasPurchased)
			.mapToDouble(ClusterVariable.RECENCY::of)
			.average()
			.orElseThrow();
		Map<String, Double> missing = new HashMap<>(this.discriminant.values(best));
		missing.put("recency", Double.NaN);
		Map<String, Double> atTheMean = new HashMap<>(this.discriminant.values(best));
		atTheMean.put("recency", meanRecency);
		Discriminant.Placement placement = this.discriminant.place(missing);
		Discriminant.Placement expected = this.discriminant.place(atTheMean);
		assertThat(placement.missingVariables()).containsExactly("recency");
		assertThat(placement.classCode()).isEqualTo(expected.classCode());
		for (String code : expected.probabilities().keySet()) {
			assertThat(placement.probabilities().get(code)).isCloseTo(expected.probabilities().get(code), within(1e-9));
		}
		Map<String, Double> withoutTenure = new HashMap<>(this.discriminant.values(best));
		withoutTenure.remove("tenure");
		assertThat(this.discriminant.place(withoutTenure).missingVariables()).containsExactly("tenure");
	}

	private int firstOf(int number) {
		for (int i = 0; i < this.outcome.numbers().length; i++) {
			if (this.outcome.numbers()[i] == number) {
				return i;
			}
		}
		throw new AssertionError("no customer in cluster " + number);
	}

	/** The discriminant as {@link RunClusters} keeps and reads it. */
	static Discriminant kept(ClusterOutcome outcome) {
		List<Discriminant.Function> functions = new ArrayList<>();
		for (ClusterFigures cluster : outcome.clusters()) {
			functions.add(new Discriminant.Function(cluster.classCode(), cluster.discriminantConstant(),
					cluster.variables().stream().mapToDouble(ClusterFigures.Centre::discriminantWeight).toArray(),
					cluster.variables().stream().mapToDouble(ClusterFigures.Centre::discriminantMissing).toArray()));
		}
		return new Discriminant(1, outcome.variables(), functions, outcome.discriminantAccuracy());
	}

}
