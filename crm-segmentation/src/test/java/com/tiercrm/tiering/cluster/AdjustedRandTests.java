package com.tiercrm.tiering.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdjustedRandTests {

	// the examples of scikit-learn's adjusted_rand_score documentation

	@Test
	void sameGroupingWhateverTheNumbersIsOne() {
		assertThat(AdjustedRand.of(new int[] { 0, 0, 1, 1 }, new int[] { 0, 0, 1, 1 })).isEqualTo(1);
		assertThat(AdjustedRand.of(new int[] { 0, 0, 1, 1 }, new int[] { 1, 1, 0, 0 })).isEqualTo(1);
	}

	@Test
	void aSplitClusterScoresBelowOne() {
		assertThat(AdjustedRand.of(new int[] { 0, 0, 1, 2 }, new int[] { 0, 0, 1, 1 })).isCloseTo(0.5714285714285714,
				within(1e-15));
	}

	@Test
	void noSharedPairsScoresZeroOrLess() {
		assertThat(AdjustedRand.of(new int[] { 0, 0, 0, 0 }, new int[] { 0, 1, 2, 3 })).isZero();
		assertThat(AdjustedRand.of(new int[] { 0, 0, 1, 1 }, new int[] { 0, 1, 0, 1 })).isCloseTo(-0.5, within(1e-15));
	}

}
