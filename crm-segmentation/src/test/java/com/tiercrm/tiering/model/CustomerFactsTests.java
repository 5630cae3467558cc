package com.tiercrm.tiering.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CustomerFactsTests {

	@Test
	void noPurchaseHasNoRecencyAndNoRepeatPurchases() {
		CustomerFacts facts = CustomerFacts.noPurchase(3);
		assertThat(facts.hasPurchased()).isFalse();
		assertThat(facts.recencyDays()).isNull();
		assertThat(facts.repeatPurchaseDays()).isZero();
	}

	@Test
	void returnsWithoutPurchaseAreNoPurchaseWithNegativeRevenue() {
		CustomerFacts facts = CustomerFacts.onlyReturns(3, 0, 0, -20, -4);
		assertThat(facts.hasPurchased()).isFalse();
		assertThat(facts.totalRevenue()).isEqualTo(-20);
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerFacts.onlyReturns(3, 0, 0, 20, 4))
			.withMessage("facts.invalid.counts");
	}

	@Test
	void repeatPurchaseDaysCountDaysNotOrders() {
		CustomerFacts facts = new CustomerFacts(1, 5, 3, 50, 10, 50, 10, 4, 20, 24, 30);
		assertThat(facts.repeatPurchaseDays()).isEqualTo(2);
	}

	@Test
	void inconsistentCountsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CustomerFacts(1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0))
			.withMessage("facts.invalid.counts");
		assertThatIllegalArgumentException().isThrownBy(() -> new CustomerFacts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0))
			.withMessage("facts.invalid.counts");
	}

	@Test
	void recencyMustBeAbsentExactlyWhenNothingWasBought() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CustomerFacts(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
			.withMessage("facts.invalid.recency");
		assertThatIllegalArgumentException().isThrownBy(() -> new CustomerFacts(1, 1, 1, 5, 5, 5, 5, null, 0, 0, 0))
			.withMessage("facts.invalid.recency");
	}

	@Test
	void recencyMustAgreeWithTheDaySpans() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CustomerFacts(1, 2, 2, 5, 5, 5, 5, 3, 10, 20, 2))
			.withMessage("facts.invalid.days");
		assertThatIllegalArgumentException().isThrownBy(() -> new CustomerFacts(1, 1, 1, 5, 5, 5, 5, 0, 3, 3, 0))
			.withMessage("facts.invalid.days");
	}

	@Test
	void amountsMustBeFiniteAndRepeatSpendNotNegative() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CustomerFacts(1, 2, 2, Double.NaN, 5, 5, 5, 0, 10, 10, 2))
			.withMessage("facts.invalid.amount");
		assertThatIllegalArgumentException().isThrownBy(() -> new CustomerFacts(1, 2, 2, 5, 5, 5, 5, 0, 10, 10, -1))
			.withMessage("facts.invalid.amount");
	}

}
