package com.tiercrm.tiering.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * BG/NBD in days on lifetimes' synthetic example transactions (observation end
 * 2014-12-31).
 */
class ExampleTransactionsTests {

	@Test
	void dailyFitAndPredictionsMatchLifetimes() {
		List<CdnowFiles.Transaction> transactions = CdnowFiles.rows("example_transactions.csv", ",", true)
			.stream()
			.map((row) -> new CdnowFiles.Transaction(Long.parseLong(row[1]), LocalDate.parse(row[0].substring(0, 10)),
					0))
			.toList();
		List<CustomerFacts> customers = CdnowFiles.facts(transactions, LocalDate.of(2014, 12, 31));
		assertThat(customers).hasSize(5000);
		ClvModel.Histories histories = ClvModel.Histories.of(customers);
		BgNbdFit fit = BgNbdFitter.fit(BgNbdData.ofDays(histories.x(), histories.txDays(), histories.tDays(), 1));
		BgNbdParameters parameters = fit.parameters();
		assertThat(parameters).isNotNull();
		assertThat(parameters.r()).isCloseTo(0.1639, within(0.0005));
		assertThat(parameters.alpha()).isCloseTo(1.8643, within(0.005));
		assertThat(parameters.a()).isCloseTo(1.8503, within(0.005));
		assertThat(parameters.b()).isCloseTo(3.1811, within(0.005));

		Map<Long, CustomerFacts> byId = customers.stream()
			.collect(Collectors.toMap(CustomerFacts::customerId, Function.identity()));
		int[][] summaries = { { 0, 0, 298 }, { 0, 0, 224 }, { 6, 142, 292 }, { 0, 0, 147 }, { 2, 9, 183 } };
		double[] predicted = { 0.016053, 0.021171, 0.030461, 0.031686, 0.001607 };
		for (int id = 0; id < 5; id++) {
			CustomerFacts facts = byId.get((long) id);
			assertThat(new int[] { facts.repeatPurchaseDays(), facts.daysFirstToLastPurchase(),
					facts.daysFirstPurchaseToAsOf() })
				.containsExactly(summaries[id]);
			int x = summaries[id][0];
			double pAlive = parameters.probabilityAlive(x, summaries[id][1], summaries[id][2]);
			assertThat(parameters.conditionalExpectedPurchases(30, x, summaries[id][1], summaries[id][2]))
				.isCloseTo(predicted[id], within(predicted[id] * 1e-3));
			// lifetimes' CLV identities with a spend of 1: one month undiscounted is
			// predict(30),
			// at a 100 % rate it is half of it
			double oneMonth = ClvModel.discountedPurchasesIfAlive(parameters, x, summaries[id][2], 1, 30, 0)[0];
			double halved = ClvModel.discountedPurchasesIfAlive(parameters, x, summaries[id][2], 1, 30, 1)[0];
			assertThat(pAlive * oneMonth).isCloseTo(predicted[id], within(predicted[id] * 1e-3));
			assertThat(halved).isCloseTo(oneMonth / 2, within(1e-15));
		}
	}

}
