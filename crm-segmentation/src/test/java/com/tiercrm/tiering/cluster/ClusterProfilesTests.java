package com.tiercrm.tiering.cluster;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusterProfilesTests {

	/** Rows 0-5 buy often and much, recently; rows 6-9 rarely and little, long ago. */
	private static final double[] FREQUENCY = { 10, 12, 11, 9, 10, 12, 1, 2, 1, Double.NaN };

	private static final double[] SPEND = { 900, 1100, 1000, 950, 1050, 1000, 20, 30, 25, 25 };

	private static final double[] RECENCY = { 5, 3, 4, 6, 5, 7, 300, 280, 310, 290 };

	private static final String[] REGION = { "east", "east", "east", "east", "west", "north", "west", "west", "west",
			null };

	private static final int[] LABELS = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 };

	@Test
	void eachClusterHasItsSizeSharesAndMeans() {
		List<ClusterProfile> profiles = ClusterProfiles.of(prepared(), LABELS, 2, SPEND, profit());

		ClusterProfile loyal = profiles.get(0);
		assertThat(loyal.size()).isEqualTo(6);
		assertThat(loyal.share()).isEqualTo(0.6);
		assertThat(loyal.revenueShare()).isCloseTo(6000.0 / 6100, within(1e-12));
		assertThat(loyal.profitShare()).isCloseTo(600.0 / 600, within(1e-12));
		assertThat(loyal.variables().get(0))
			.isEqualTo(new ClusterProfile.VariableProfile("frequency", 64.0 / 6, loyal.variables().get(0).zScore(), 0));
		ClusterProfile.VariableProfile lapsedFrequency = profiles.get(1).variables().get(0);
		assertThat(lapsedFrequency.mean()).isCloseTo(4.0 / 3, within(1e-12));
		assertThat(lapsedFrequency.missing()).isEqualTo(1);
		// the z-scores of a variable, weighted by cluster sizes, balance out around
		// everyone's mean
		for (int v = 0; v < 3; v++) {
			assertThat(6 * loyal.variables().get(v).zScore() + 4 * profiles.get(1).variables().get(v).zScore())
				.isCloseTo(0, within(1e-9));
		}
	}

	@Test
	void topCategoriesComeWithTheirOverallShare() {
		List<ClusterProfile> profiles = ClusterProfiles.of(prepared(), LABELS, 2, null, null);

		assertThat(profiles.get(0).topCategories()).containsExactly(
				new ClusterProfile.CategoryShare("region", "east", 4.0 / 6, 0.4),
				new ClusterProfile.CategoryShare("region", "north", 1.0 / 6, 0.1),
				new ClusterProfile.CategoryShare("region", "west", 1.0 / 6, 0.4));
		assertThat(profiles.get(0).revenueShare()).isNaN();
	}

	@Test
	void theSuggestedNameIsMessageKeysStrongestFirst() {
		List<ClusterProfile> profiles = ClusterProfiles.of(prepared(), LABELS, 2, SPEND, null);

		assertThat(profiles.get(0).name()).extracting(ClusterProfile.NameTerm::key)
			.containsExactlyInAnyOrder("cluster.name.frequency.high", "cluster.name.spend.high",
					"cluster.name.recency.low", "cluster.name.category.region");
		assertThat(profiles.get(0).name().get(3).arguments()).containsExactly("east");
		assertThat(profiles.get(1).name()).extracting(ClusterProfile.NameTerm::key)
			.contains("cluster.name.frequency.low", "cluster.name.recency.high");
	}

	@Test
	void aClusterWithNothingNotableIsTypical() {
		List<ClusterProfile.NameTerm> name = ClusterProfiles.name(
				List.of(new ClusterProfile.VariableProfile("frequency", 3, 0.2, 0)),
				List.of(new ClusterProfile.CategoryShare("region", "east", 0.6, 0.5)));

		assertThat(name).containsExactly(new ClusterProfile.NameTerm("cluster.name.typical", List.of()));
	}

	private static PreparedData prepared() {
		return ClusterAnalysis.prepare(new ClusterInput(
				List.of(NumericVariable.linear("frequency", FREQUENCY), NumericVariable.log("spend", SPEND),
						NumericVariable.linear("recency", RECENCY)),
				List.of(new CategoricalVariable("region", REGION))));
	}

	private static double[] profit() {
		double[] profit = new double[SPEND.length];
		for (int r = 0; r < 6; r++) {
			profit[r] = 100;
		}
		return profit;
	}

}
