package com.tiercrm.tiering.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * From CDNOW sample transactions through {@link CustomerFacts} to the published summary
 * and fit: as of 1997-09-30 (inclusive), same-day purchases merged, weeks.
 */
class CdnowSampleTests {

	private static final ClvSettings WEEKLY = ClvSettings.defaults().withTimeUnit(ClvTimeUnit.WEEK);

	private static List<CustomerFacts> customers;

	@BeforeAll
	static void readSample() {
		customers = CdnowFiles.facts(CdnowFiles.sample(), LocalDate.of(1997, 9, 30));
	}

	@Test
	void factsReproduceThePublishedSummaryExactly() {
		List<String[]> summary = CdnowFiles.rows("cdnow_customers_summary_with_transactions.csv", ",", true);
		assertThat(customers).hasSize(summary.size()).hasSize(2357);
		for (int i = 0; i < summary.size(); i++) {
			String[] row = summary.get(i);
			CustomerFacts facts = customers.get(i);
			assertThat(facts.customerId()).isEqualTo(Long.parseLong(row[0]));
			int x = facts.repeatPurchaseDays();
			assertThat(x).as("x of %s", row[0]).isEqualTo(Integer.parseInt(row[1]));
			assertThat(weeks(facts.daysFirstToLastPurchase())).as("t_x of %s", row[0])
				.isEqualTo(Double.parseDouble(row[2]));
			assertThat(weeks(facts.daysFirstPurchaseToAsOf())).as("T of %s", row[0])
				.isEqualTo(Double.parseDouble(row[3]));
			// money is in cents: the mean is rounded half up from the exact cent total
			double zbar = (x > 0) ? BigDecimal.valueOf(Math.round(facts.repeatDaysSpend() * 100))
				.divide(BigDecimal.valueOf(100L * x), 2, RoundingMode.HALF_UP)
				.doubleValue() : 0;
			assertThat(zbar).as("zbar of %s", row[0]).isEqualTo(Double.parseDouble(row[4]));
		}
	}

	@Test
	void fitFromFactsReproducesThePublishedParameters() {
		ClvFit fit = new ClvModel(WEEKLY).fit(customers);
		assertThat(fit.fallbackUsed()).isFalse();
		assertThat(fit.converged()).isTrue();
		assertThat(fit.timeUnit()).isEqualTo(ClvTimeUnit.WEEK);
		assertThat(fit.customers()).isEqualTo(2357);
		assertThat(fit.repeatBuyers()).isEqualTo(946);
		assertThat(fit.r()).isCloseTo(0.243, within(0.0005));
		assertThat(fit.alpha()).isCloseTo(4.414, within(0.0005));
		assertThat(fit.a()).isCloseTo(0.793, within(0.0005));
		assertThat(fit.b()).isCloseTo(2.426, within(0.0005));
		assertThat(fit.bgNbdLogLikelihood()).isCloseTo(-9582.4, within(0.05));
		assertThat(fit.p()).isCloseTo(6.25, within(0.005));
		assertThat(fit.q()).isCloseTo(3.74, within(0.005));
		assertThat(fit.gamma()).isCloseTo(15.44, within(0.01));
	}

	@Test
	void dailyFitDescribesTheSameProcess() {
		ClvFit weekly = new ClvModel(WEEKLY).fit(customers);
		ClvFit daily = new ClvModel(ClvSettings.defaults()).fit(customers);
		assertThat(daily.converged()).isTrue();
		assertThat(daily.r()).isCloseTo(weekly.r(), within(1e-4));
		assertThat(daily.alpha() / 7).isCloseTo(weekly.alpha(), within(1e-3));
		assertThat(daily.a()).isCloseTo(weekly.a(), within(1e-4));
		assertThat(daily.b()).isCloseTo(weekly.b(), within(1e-4));
		assertThat(daily.bgNbdLogLikelihood() + 2457 * Math.log(7)).isCloseTo(weekly.bgNbdLogLikelihood(),
				within(1e-4));
	}

	@Test
	void scoresFollowTheWeeklyClvOfTheFirstCustomers() {
		ClvRun run = new ClvModel(WEEKLY).run(customers);
		double[] expected = { 36.2785, 4.6375, 8.3441, 8.3441, 8.3441, 283.5236, 6.8814, 8.3441, 43.3536, 8.3441 };
		for (int i = 0; i < expected.length; i++) {
			ClvResult result = run.results().get(i);
			assertThat(result.method()).isEqualTo(ClvMethod.BG_NBD_GAMMA_GAMMA);
			// the published summary rounds t_x and T to 2 decimals; the facts do not
			assertThat(result.predictedValue()).isCloseTo(expected[i], within(expected[i] * 0.002));
		}
		ClvResult first = run.results().get(0);
		assertThat(first.probabilityAlive()).isCloseTo(0.7266, within(0.001));
		assertThat(first.reason().key()).isEqualTo("clv.reason.model");
		assertThat(run.results().stream().filter((result) -> result.clvClass() == ClvClass.HIGH).count())
			.isEqualTo(472);
	}

	@Test
	void holdoutPurchasesOfTheZeroRepeatersAreNearThePrediction() {
		ClvFit fit = new ClvModel(WEEKLY).fit(customers);
		double zeroClass = customers.stream()
			.filter((facts) -> facts.repeatPurchaseDays() == 0)
			.mapToDouble((facts) -> fit.bgNbd()
				.conditionalExpectedPurchases(39, 0, 0, facts.daysFirstPurchaseToAsOf() / 7.0))
			.average()
			.orElseThrow();
		assertThat(zeroClass).isCloseTo(0.2255, within(0.001));
	}

	private static double weeks(int days) {
		return Math.round(days / 7.0 * 100) / 100.0;
	}

}
