package com.tiercrm.tiering.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DowngradeTests {

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
