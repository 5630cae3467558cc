package com.tiercrm.tiering.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class AbcModelTests {

	private final AbcModel pareto = new AbcModel(AbcSettings.defaults());

	@Test
	void customerWhoCrossesTheLimitStaysInTheBetterClass() {
		// total 100: shares before are 0, 50, 75, 85, 90, 96 (%)
		List<CustomerFacts> customers = List.of(TestFacts.buyer(1, 50), TestFacts.buyer(2, 25), TestFacts.buyer(3, 10),
				TestFacts.buyer(4, 5), TestFacts.buyer(5, 6), TestFacts.buyer(6, 4));
		assertThat(this.pareto.classify(customers))
			.extracting(AbcResult::customerId, AbcResult::abcClass, AbcResult::rank)
			.containsExactly(tuple(1L, AbcClass.A, 1), tuple(2L, AbcClass.A, 2), tuple(3L, AbcClass.A, 3),
					tuple(4L, AbcClass.B, 5), tuple(5L, AbcClass.B, 4), tuple(6L, AbcClass.C, 6));
	}

	@Test
	void shareExactlyAtTheLimitFallsIntoTheNextClass() {
		// shares before: 0, 80 (%) -> the second customer starts exactly at the A limit
		List<AbcResult> results = this.pareto.classify(List.of(TestFacts.buyer(1, 80), TestFacts.buyer(2, 20)));
		assertThat(results).extracting(AbcResult::abcClass).containsExactly(AbcClass.A, AbcClass.B);
		assertThat(results.get(1).reason()).isEqualTo(Reason.of("abc.reason.share.b", 2, 2, 80.0, 95.0));
	}

	@Test
	void equalValuesAreRankedByCustomerIdAscending() {
		AbcModel byCount = new AbcModel(AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.5, 0.0));
		List<AbcResult> results = byCount
			.classify(List.of(TestFacts.buyer(9, 10), TestFacts.buyer(3, 10), TestFacts.buyer(5, 10)));
		assertThat(results).extracting(AbcResult::customerId, AbcResult::rank, AbcResult::abcClass)
			.containsExactly(tuple(9L, 3, AbcClass.C), tuple(3L, 1, AbcClass.A), tuple(5L, 2, AbcClass.A));
	}

	@Test
	void countModeTakesTheCeilingOfTheShare() {
		// 10 customers, 20/30/50: A = ranks 1-2, B = ranks 3-5, C = ranks 6-10
		List<CustomerFacts> customers = java.util.stream.LongStream.rangeClosed(1, 10)
			.mapToObj((id) -> TestFacts.buyer(id, 100 - id))
			.toList();
		AbcModel byCount = new AbcModel(AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.2, 0.3));
		assertThat(byCount.classify(customers)).extracting(AbcResult::abcClass)
			.containsExactly(AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.B, AbcClass.C, AbcClass.C,
					AbcClass.C, AbcClass.C, AbcClass.C);
		// 7 customers, 30/40/30: ceil(2.1) = 3 in A, ceil(4.9) = 5 in A and B
		assertThat(new AbcModel(AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.3, 0.4))
			.classify(customers.subList(0, 7))).extracting(AbcResult::abcClass)
			.containsExactly(AbcClass.A, AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.C, AbcClass.C);
	}

	@Test
	void buyersWithZeroValueAreClassCEvenInsideTheTopShare() {
		AbcModel byCount = new AbcModel(AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.5, 0.3));
		List<AbcResult> results = byCount.classify(List.of(TestFacts.buyer(1, 0), TestFacts.buyer(2, 0)));
		assertThat(results).extracting(AbcResult::abcClass).containsExactly(AbcClass.C, AbcClass.C);
		assertThat(results.get(0).reason()).isEqualTo(Reason.of("abc.reason.no-value", 1, 2));
	}

	@Test
	void negativeGrossProfitRanksLastAndDoesNotShrinkTheTotal() {
		CustomerFacts loss = new CustomerFacts(1, 1, 1, 100, -20, 100, -20, 0, 0, 0, 0);
		CustomerFacts gain = new CustomerFacts(2, 1, 1, 50, 30, 50, 30, 0, 0, 0, 0);
		List<AbcResult> results = new AbcModel(
				new AbcSettings(ValueMeasure.GROSS_PROFIT, AbcCutMode.VALUE_SHARE, 0.8, 0.95))
			.classify(List.of(loss, gain));
		assertThat(results).extracting(AbcResult::abcClass, AbcResult::rank, AbcResult::value)
			.containsExactly(tuple(AbcClass.C, 2, -20.0), tuple(AbcClass.A, 1, 30.0));
		assertThat(results.get(0).shareBefore()).isEqualTo(1.0);
	}

	@Test
	void customerWithOnlyCancelledOrdersIsNoPurchaseAndOutsideThePopulation() {
		List<AbcResult> results = new AbcModel(AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.5, 0.3))
			.classify(List.of(CustomerFacts.noPurchase(1), TestFacts.buyer(2, 10), TestFacts.buyer(3, 5)));
		assertThat(results).extracting(AbcResult::abcClass, AbcResult::rank)
			.containsExactly(tuple(AbcClass.NO_PURCHASE, 0), tuple(AbcClass.A, 1), tuple(AbcClass.B, 2));
		assertThat(results.get(0).reason()).isEqualTo(Reason.of("abc.reason.no-purchase"));
	}

	@Test
	void singleCustomerIsClassA() {
		assertThat(this.pareto.classify(List.of(TestFacts.buyer(7, 1)))).singleElement()
			.satisfies((result) -> assertThat(result.abcClass()).isEqualTo(AbcClass.A))
			.satisfies((result) -> assertThat(result.reason())
				.isEqualTo(Reason.of("abc.reason.share.a", 1, 1, 0.0, 80.0)));
	}

	@Test
	void emptyInputGivesNoResults() {
		assertThat(this.pareto.classify(List.of())).isEmpty();
	}

	@Test
	void windowValueOfTheChosenMeasureRanks() {
		CustomerFacts revenueHeavy = new CustomerFacts(1, 2, 2, 100, 10, 500, 50, 1, 1, 2, 50);
		CustomerFacts profitHeavy = new CustomerFacts(2, 2, 2, 60, 40, 60, 40, 1, 1, 2, 30);
		assertThat(new AbcModel(new AbcSettings(ValueMeasure.GROSS_PROFIT, AbcCutMode.VALUE_SHARE, 0.5, 0.9))
			.classify(List.of(revenueHeavy, profitHeavy))).extracting(AbcResult::rank, AbcResult::value)
			.containsExactly(tuple(2, 10.0), tuple(1, 40.0));
	}

	@Test
	void limitsOutOfOrderAreRejectedWithAMessageKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AbcSettings(ValueMeasure.REVENUE, AbcCutMode.VALUE_SHARE, 0.95, 0.8))
			.withMessage("abc.settings.invalid-limits");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AbcSettings(ValueMeasure.REVENUE, AbcCutMode.VALUE_SHARE, 0, 0.8))
			.withMessage("abc.settings.invalid-limits");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AbcSettings.byCustomerShare(ValueMeasure.REVENUE, 0.6, 0.5))
			.withMessage("abc.settings.invalid-limits");
	}

}
