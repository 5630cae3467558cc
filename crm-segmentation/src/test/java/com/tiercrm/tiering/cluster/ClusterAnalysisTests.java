package com.tiercrm.tiering.cluster;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusterAnalysisTests {

	@Test
	void numbersAreStandardisedAndMoneyIsOnALogScale() {
		double[] orders = { 1, 2, 3, 4 };
		double[] revenue = { 0, 9, 99, 999 };

		PreparedData prepared = ClusterAnalysis.prepare(ClusterInput
			.numeric(List.of(NumericVariable.linear("frequency", orders), NumericVariable.log("spend", revenue))));

		DataMatrix matrix = prepared.matrix();
		double sd = Math.sqrt(1.25);
		assertThat(PcaTests.column(matrix, 0))
			.containsExactly(new double[] { -1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd }, within(1e-12));
		// log1p turns 0, 9, 99, 999 into 0, ln 10, 2 ln 10, 3 ln 10: evenly spaced
		assertThat(PcaTests.column(matrix, 1)).containsExactly(PcaTests.column(matrix, 0), within(1e-12));
		assertThat(prepared.columns().get(1).mean()).isCloseTo(1.5 * Math.log(10), within(1e-12));
	}

	@Test
	void missingValuesAreImputedWithTheMeanAndCounted() {
		double[] recency = { 10, Double.NaN, 30, Double.NaN };

		PreparedData prepared = ClusterAnalysis
			.prepare(ClusterInput.numeric(List.of(NumericVariable.linear("recency", recency))));

		assertThat(prepared.matrix().rows()).isEqualTo(4);
		assertThat(PcaTests.column(prepared.matrix(), 0)).containsExactly(-1, 0, 1, 0);
		assertThat(prepared.variables()).containsExactly(new VariableSummary("recency", 2, 0, 0));
	}

	@Test
	void aConstantVariableIsZeroRatherThanNotANumber() {
		PreparedData prepared = ClusterAnalysis
			.prepare(ClusterInput.numeric(List.of(NumericVariable.linear("tier", new double[] { 2, 2, 2 }))));

		assertThat(PcaTests.column(prepared.matrix(), 0)).containsExactly(0, 0, 0);
		assertThat(prepared.columns().get(0).standardDeviation()).isZero();
	}

	@Test
	void categoriesAreOneHotEncodedMostFrequentFirst() {
		String[] region = { "north", "south", "south", null, "east" };

		PreparedData prepared = ClusterAnalysis
			.prepare(new ClusterInput(List.of(NumericVariable.linear("frequency", new double[] { 1, 2, 3, 4, 5 })),
					List.of(new CategoricalVariable("region", region))));

		assertThat(prepared.matrix().columnNames()).containsExactly("frequency", "region=south", "region=east",
				"region=north");
		assertThat(prepared.matrix().row(1)).containsExactly(new double[] { -Math.sqrt(0.5), 1, 0, 0 }, within(1e-12));
		assertThat(prepared.matrix().row(3)).containsExactly(new double[] { Math.sqrt(0.5), 0, 0, 0 }, within(1e-12));
		assertThat(prepared.variables().get(1)).isEqualTo(new VariableSummary("region", 1, 3, 0));
	}

	@Test
	void levelsBeyondTheCapAreCountedAsRare() {
		int rows = ClusterAnalysis.MAX_LEVELS + 5;
		String[] code = new String[rows];
		for (int r = 0; r < rows; r++) {
			code[r] = (r < ClusterAnalysis.MAX_LEVELS) ? "a" + (char) ('a' + r) : "z" + r;
		}
		code[0] = "ab";

		PreparedData prepared = ClusterAnalysis
			.prepare(new ClusterInput(List.of(), List.of(new CategoricalVariable("code", code))));

		assertThat(prepared.matrix().columns()).isEqualTo(ClusterAnalysis.MAX_LEVELS);
		assertThat(prepared.matrix().columnNames().get(0)).isEqualTo("code=ab");
		// "ab" twice, then the 24 single levels alphabetically: "ac" to "at" and "z20"
		// are kept
		assertThat(prepared.variables().get(0).rareRows()).isEqualTo(4);
	}

	@Test
	void newRowsArePreparedWithTheFirstRowsMeansAndLevels() {
		PreparedData prepared = ClusterAnalysis
			.prepare(new ClusterInput(List.of(NumericVariable.log("spend", new double[] { 0, Math.E - 1 })),
					List.of(new CategoricalVariable("channel", new String[] { "web", "store" }))));

		DataMatrix fresh = prepared.prepareLike(new ClusterInput(
				List.of(NumericVariable.log("spend", new double[] { Math.E * Math.E - 1, Double.NaN })),
				List.of(new CategoricalVariable("channel", new String[] { "phone", "web" }))));

		// mean 0.5 and standard deviation 0.5 on the log scale; an unseen level sets
		// nothing
		assertThat(fresh.row(0)).containsExactly(new double[] { 3, 0, 0 }, within(1e-12));
		assertThat(fresh.row(1)).containsExactly(0, 0, 1);
		assertThat(fresh.columnNames()).containsExactly("spend", "channel=store", "channel=web");
	}

}
