package com.tiercrm.tiering;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DowngradeTests {

	private static final Map<String, Integer> RANKS = Map.of("ABC:A", 1, "ABC:B", 2, "ABC:C", 3, "ABC:NO_PURCHASE", 4,
			"CLV:HIGH", 1, "CLV:LOW", 3);

	@Test
	void aDowngradeIsALowerRankedTierOfTheSameModel() {
		assertThat(Downgrade.isDowngrade("ABC:A", "ABC:B", RANKS)).isTrue();
		assertThat(Downgrade.isDowngrade("ABC:B", "ABC:NO_PURCHASE", RANKS)).isTrue();
		assertThat(Downgrade.isDowngrade("ABC:B", "ABC:A", RANKS)).isFalse();
		assertThat(Downgrade.isDowngrade("ABC:B", "ABC:B", RANKS)).isFalse();
		// A change of tier model is no downgrade, nor a tier the tiers table lacks.
		assertThat(Downgrade.isDowngrade("ABC:A", "CLV:LOW", RANKS)).isFalse();
		assertThat(Downgrade.isDowngrade("ABC:A", "ABC:X", RANKS)).isFalse();
	}

	@Test
	void eachOwnerKeepsTheBestPreviousTierThenTheHighestValueThenTheLowestId() {
		Downgrade.MostValuable kept = new Downgrade.MostValuable(2);
		kept.add(downgrade(1, 7L, "ABC:A", 1, 500));
		kept.add(downgrade(4, 7L, "ABC:B", 2, 10_000));
		kept.add(downgrade(3, 7L, "ABC:A", 1, 500));
		kept.add(downgrade(2, 7L, "ABC:A", 1, 900));
		kept.add(downgrade(5, null, "ABC:B", 2, 400));

		// Owner 7 keeps 2 (A, 900) and 1 (A, 500, the lower id); nobody's 5 stays.
		assertThat(kept.list()).extracting(Downgrade::customerId).containsExactly(2L, 1L, 5L);
	}

	@Test
	void minusZeroIsZero() {
		Downgrade.MostValuable kept = new Downgrade.MostValuable(10);
		kept.add(downgrade(10, null, "ABC:A", 1, -0.0));
		kept.add(downgrade(9, null, "ABC:A", 1, 0.0));

		assertThat(kept.list()).extracting(Downgrade::customerId).containsExactly(9L, 10L);
		assertThat(downgrade(10, null, "ABC:A", 1, -0.0)).isEqualTo(downgrade(10, null, "ABC:A", 1, 0.0));
	}

	@Test
	void nothingIsKeptForNone() {
		Downgrade.MostValuable kept = new Downgrade.MostValuable(0);
		kept.add(downgrade(1, 7L, "ABC:A", 1, 500));

		assertThat(kept.list()).isEmpty();
	}

	private static Downgrade downgrade(long id, Long owner, String from, int rank, double value) {
		return new Downgrade(id, owner, from, "ABC:C", rank, value);
	}

}
