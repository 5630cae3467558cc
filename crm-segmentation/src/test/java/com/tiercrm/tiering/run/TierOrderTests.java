package com.tiercrm.tiering.run;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TierOrderTests {

	private final TierOrder order = new TierOrder(Map.of("ABC:A", 1, "ABC:B", 2, "ABC:C", 3, "ABC:NO_PURCHASE", 4,
			"CLV:HIGH", 1, "CLV:LOW", 3, "RFM:LOST", 3));

	@Test
	void bestFirstByRankThenCodeWithUnknownTiersLast() {
		assertThat(List.of("ABC:X", "ABC:C", "RFM:LOST", "ABC:A", "CLV:HIGH", "ABC:NO_PURCHASE")
			.stream()
			.sorted(this.order.bestFirst())
			.toList()).containsExactly("ABC:A", "CLV:HIGH", "ABC:C", "RFM:LOST", "ABC:NO_PURCHASE", "ABC:X");
		assertThat(this.order.rank("ABC:B")).isEqualTo(2);
		assertThat(this.order.rank("ABC:X")).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void aDowngradeIsALowerRankedTierOfTheSameModel() {
		assertThat(this.order.isDowngrade("ABC:A", "ABC:B")).isTrue();
		assertThat(this.order.isDowngrade("ABC:B", "ABC:NO_PURCHASE")).isTrue();
		assertThat(this.order.isDowngrade("ABC:B", "ABC:A")).isFalse();
		assertThat(this.order.isDowngrade("ABC:B", "ABC:B")).isFalse();
		// A change of tier model is no downgrade, nor a tier the tiers table lacks.
		assertThat(this.order.isDowngrade("CLV:HIGH", "ABC:C")).isFalse();
		assertThat(this.order.isDowngrade("ABC:A", "ABC:X")).isFalse();
	}

}
