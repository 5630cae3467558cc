package com.tiercrm.tiering.run;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TierMigrationTests {

	@Test
	void countsEveryCustomerOfTheNewerTiersOnceWithNewAndGone() {
		TierMigration migration = new TierMigration();
		// 1 went from A to B, 2 stayed in B, 3 went up from B to A, 5 is new; 4 (C) is
		// gone.
		migration.add("ABC:A", "ABC:B");
		migration.add("ABC:B", "ABC:B");
		migration.add("ABC:B", "ABC:A");
		migration.add(null, "ABC:C");

		Map<String, Map<String, Long>> matrix = migration.matrix(Map.of("ABC:A", 1L, "ABC:B", 2L, "ABC:C", 1L));

		assertThat(matrix).containsExactly(Map.entry("ABC:A", Map.of("ABC:B", 1L)),
				Map.entry("ABC:B", Map.of("ABC:A", 1L, "ABC:B", 1L)), Map.entry("ABC:C", Map.of("GONE", 1L)),
				Map.entry("NEW", Map.of("ABC:C", 1L)));
		assertThat(matrix.get("ABC:B").keySet()).containsExactly("ABC:A", "ABC:B");
	}

	@Test
	void aTierOnlyPartlyGoneKeepsItsOtherCells() {
		TierMigration migration = new TierMigration();
		migration.add("ABC:A", "ABC:A");

		assertThat(migration.matrix(Map.of("ABC:A", 3L)))
			.containsExactly(Map.entry("ABC:A", Map.of("ABC:A", 1L, "GONE", 2L)));
	}

}
