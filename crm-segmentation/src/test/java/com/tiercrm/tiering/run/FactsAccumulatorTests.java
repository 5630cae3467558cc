package com.tiercrm.tiering.run;

import java.time.LocalDate;
import java.util.List;

import com.tiercrm.tiering.model.CustomerFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FactsAccumulatorTests {

	private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

	private static long day(int month, int dayOfMonth) {
		return LocalDate.of(2024, month, dayOfMonth).toEpochDay();
	}

	@Test
	void aReturnReducesRevenueButIsNoPurchase() {
		FactsAccumulator accumulator = new FactsAccumulator(1, 1, AS_OF, LocalDate.of(2024, 1, 1), 16, 1);
		accumulator.order(1, day(1, 10), 100, 20);
		accumulator.order(1, day(3, 10), 50, 10);
		// Returned after the last purchase: neither a purchase day nor the recency.
		accumulator.order(1, day(6, 20), -30, -6);
		CustomerFacts facts = accumulator.facts().get(0);
		assertThat(facts.completedOrders()).isEqualTo(2);
		assertThat(facts.purchaseDays()).isEqualTo(2);
		assertThat(facts.totalRevenue()).isEqualTo(120);
		assertThat(facts.windowRevenue()).isEqualTo(120);
		assertThat(facts.totalGrossProfit()).isEqualTo(24);
		assertThat(facts.recencyDays()).isEqualTo((int) (AS_OF.toEpochDay() - day(3, 10)));
		assertThat(facts.daysFirstToLastPurchase()).isEqualTo((int) (day(3, 10) - day(1, 10)));
		// Gamma-Gamma's repeat spend is the purchases after the first day, returns apart.
		assertThat(facts.repeatDaysSpend()).isEqualTo(50);
	}

	@Test
	void aReturnOnTheFirstPurchaseDayLeavesTheRepeatSpendAlone() {
		FactsAccumulator accumulator = new FactsAccumulator(1, 1, AS_OF, LocalDate.of(2024, 1, 1), 16, 1);
		accumulator.order(1, day(2, 1), -10, 0);
		accumulator.order(1, day(2, 1), 40, 0);
		accumulator.order(1, day(4, 1), 25.125, 0);
		CustomerFacts facts = accumulator.facts().get(0);
		assertThat(facts.completedOrders()).isEqualTo(2);
		assertThat(facts.totalRevenue()).isCloseTo(55.125, within(1e-9));
		assertThat(facts.repeatDaysSpend()).isCloseTo(25.125, within(1e-9));
	}

	@Test
	void onlyReturnsIsNoPurchaseWithNegativeRevenue() {
		FactsAccumulator accumulator = new FactsAccumulator(1, 2, AS_OF, LocalDate.of(2024, 5, 1), 16, 1);
		accumulator.customer(2);
		accumulator.order(1, day(2, 1), -15.5, -3);
		accumulator.order(1, day(5, 10), -4.5, -1);
		List<CustomerFacts> facts = accumulator.facts();
		CustomerFacts returns = facts.get(0);
		assertThat(returns.hasPurchased()).isFalse();
		assertThat(returns.recencyDays()).isNull();
		assertThat(returns.totalRevenue()).isEqualTo(-20);
		assertThat(returns.windowRevenue()).isEqualTo(-4.5);
		assertThat(returns.totalGrossProfit()).isEqualTo(-4);
		assertThat(facts.get(1)).isEqualTo(CustomerFacts.noPurchase(2));
	}

}
