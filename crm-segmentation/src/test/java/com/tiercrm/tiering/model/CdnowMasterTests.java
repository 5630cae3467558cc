package com.tiercrm.tiering.model;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/**
 * ABC and RFM on the whole CDNOW cohort against the convention oracles of
 * {@code reference_values.json}: analysis date 1998-07-01, F = order rows, M = total
 * spend.
 */
class CdnowMasterTests {

	private static List<CustomerFacts> customers;

	@BeforeAll
	static void readCohort() {
		customers = CdnowFiles.facts(CdnowFiles.master(), LocalDate.of(1998, 7, 1));
	}

	@Test
	void cohortHasTheDocumentedSize() {
		assertThat(customers).hasSize(23570);
		assertThat(customers.stream().mapToInt(CustomerFacts::completedOrders).sum()).isEqualTo(69659);
		assertThat(customers.stream().filter((facts) -> facts.totalRevenue() == 0).count()).isEqualTo(68);
	}

	@Test
	void paretoByRevenueShareMatchesTheOracle() {
		Map<AbcClass, Long> counts = count(new AbcModel(AbcSettings.defaults()).classify(customers),
				AbcResult::abcClass, AbcClass.class);
		assertThat(counts).containsOnly(entry(AbcClass.A, 7695L), entry(AbcClass.B, 8044L), entry(AbcClass.C, 7831L));
	}

	@Test
	void customerShareSplitsMatchTheOracle() {
		List<AbcResult> results = new AbcModel(AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.2, 0.3))
			.classify(customers);
		assertThat(count(results, AbcResult::abcClass, AbcClass.class)).containsOnly(entry(AbcClass.A, 4714L),
				entry(AbcClass.B, 7071L), entry(AbcClass.C, 11785L));
		AbcResult last = results.stream().filter((result) -> result.rank() == 4714).findFirst().orElseThrow();
		AbcResult next = results.stream().filter((result) -> result.rank() == 4715).findFirst().orElseThrow();
		assertThat(last.value()).isEqualTo(next.value()).isCloseTo(133.95, within(1e-9));
		assertThat(last.customerId()).isLessThan(next.customerId());
		assertThat(last.abcClass()).isEqualTo(AbcClass.A);
		assertThat(next.abcClass()).isEqualTo(AbcClass.B);
		assertThat(count(new AbcModel(AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.3, 0.4)).classify(customers),
				AbcResult::abcClass, AbcClass.class))
			.containsOnly(entry(AbcClass.A, 7071L), entry(AbcClass.B, 9428L), entry(AbcClass.C, 7071L));
	}

	@Test
	void valueMatrixMatchesTheOracleCountsAndMeans() {
		List<RfmResult> results = new RfmModel(RfmSettings.defaults()).classify(customers);
		List<Object> means = results.get(0).reason().arguments();
		assertThat((double) means.get(1)).isCloseTo(368.2216, within(0.0001));
		assertThat((double) means.get(3)).isCloseTo(2.9554, within(0.0001));
		assertThat((double) means.get(5)).isCloseTo(106.0804, within(0.0001));
		assertThat(count(results, RfmResult::segment, RfmSegment.class)).containsOnly(
				entry(RfmSegment.IMPORTANT_VALUE, 4617L), entry(RfmSegment.IMPORTANT_DEVELOP, 268L),
				entry(RfmSegment.IMPORTANT_KEEP, 449L), entry(RfmSegment.IMPORTANT_RETAIN, 579L),
				entry(RfmSegment.GENERAL_VALUE, 1974L), entry(RfmSegment.GENERAL_DEVELOP, 1532L),
				entry(RfmSegment.GENERAL_KEEP, 543L), entry(RfmSegment.GENERAL_RETAIN, 13608L));
		double importantValueRevenue = results.stream()
			.filter((result) -> result.segment() == RfmSegment.IMPORTANT_VALUE)
			.mapToDouble(RfmResult::monetary)
			.sum();
		assertThat(importantValueRevenue).isCloseTo(1591666.47, within(0.01));
	}

	@Test
	void scoreRangeSchemeGivesEveryBuyerASegment() {
		List<RfmResult> results = new RfmModel(RfmSettings.defaults().withScheme(RfmScheme.SCORE_RANGE))
			.classify(customers);
		assertThat(results).allSatisfy((result) -> assertThat(result.segment().ordinal())
			.isBetween(RfmSegment.CHAMPIONS.ordinal(), RfmSegment.LOST.ordinal()));
		assertThat(results.stream().filter((result) -> result.recencyScore() == 5).count()).isBetween(23570L / 5 - 200,
				23570L / 5 + 200);
	}

	private static <T, E extends Enum<E>> Map<E, Long> count(List<T> results, Function<T, E> key, Class<E> type) {
		return results.stream().collect(Collectors.groupingBy(key, () -> new EnumMap<>(type), Collectors.counting()));
	}

}
