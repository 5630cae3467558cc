package com.tiercrm.tiering.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class ClvModelTests {

	private final ClvModel model = new ClvModel(ClvSettings.defaults());

	@Test
	void tooFewCustomersUseThePlainlyLabelledSimpleFormula() {
		// 3 orders worth 300 over 60 days: 100 per order, 1.5 orders a month, 12 months
		CustomerFacts facts = new CustomerFacts(1, 3, 3, 300, 90, 300, 90, 10, 50, 60, 200);
		ClvRun run = this.model.run(List.of(facts));
		assertThat(run.fit().fallbackUsed()).isTrue();
		assertThat(run.fit().converged()).isFalse();
		assertThat(run.fit().r()).isNaN();
		assertThat(run.fit().fallbackReason()).isEqualTo(Reason.of("clv.fallback.too-few-customers", 1, 100));
		ClvResult result = run.results().get(0);
		assertThat(result.method()).isEqualTo(ClvMethod.SIMPLE);
		assertThat(result.predictedValue()).isCloseTo(100 * 1.5 * 12, within(1e-9));
		assertThat(result.historicalValue()).isEqualTo(300);
		assertThat(result.probabilityAlive()).isNaN();
		assertThat(result.reason()).isEqualTo(Reason.of("clv.reason.simple", 1800.0, 1, 1, 100.0, 1.5, 12.0, 100.0));
	}

	@Test
	void tooFewRepeatBuyersFallBack() {
		List<CustomerFacts> customers = LongStream.rangeClosed(1, 150)
			.mapToObj((id) -> new CustomerFacts(id, 1, 1, 10, 3, 10, 3, 5, 0, 5, 0))
			.toList();
		ClvFit fit = this.model.fit(customers);
		assertThat(fit.fallbackUsed()).isTrue();
		assertThat(fit.fallbackReason()).isEqualTo(Reason.of("clv.fallback.too-few-repeat-buyers", 0, 20));
	}

	@Test
	void fitThatCannotConvergeIsReportedNotUsed() {
		// every customer bought on each of 6 days up to the as-of date: nobody ever drops
		// out,
		// so the drop-out probability runs to zero at the edge of the parameter space
		List<CustomerFacts> customers = LongStream.rangeClosed(1, 200)
			.mapToObj((id) -> new CustomerFacts(id, 6, 6, 60, 20, 60, 20, 0, 50, 50, 50 + id % 7))
			.toList();
		ClvRun run = this.model.run(customers);
		assertThat(run.fit().fallbackUsed()).isTrue();
		assertThat(run.fit().fallbackReason())
			.isEqualTo(Reason.of("clv.fallback.bg-nbd-failed", run.fit().bgNbdIterations()));
		// every start was tried
		assertThat(run.fit().bgNbdIterations()).isGreaterThanOrEqualTo(BgNbdFitter.MAX_ITERATIONS);
		assertThat(run.results()).allSatisfy((result) -> assertThat(result.method()).isEqualTo(ClvMethod.SIMPLE));
	}

	@Test
	void classesFollowTheRankOfPredictedValue() {
		List<CustomerFacts> customers = new ArrayList<>();
		for (long id = 1; id <= 10; id++) {
			double revenue = 100 * (11 - id);
			customers.add(new CustomerFacts(id, 1, 1, revenue, revenue, revenue, revenue, 30, 0, 30, 0));
		}
		customers.add(CustomerFacts.noPurchase(11));
		customers.add(new CustomerFacts(12, 1, 1, 0, 0, 0, 0, 30, 0, 30, 0));
		List<ClvResult> results = this.model.run(customers).results();
		// 11 buyers: ceil(2.2) = 3 HIGH, ceil(5.5) = 6 up to MEDIUM
		assertThat(results).extracting(ClvResult::customerId, ClvResult::rank, ClvResult::clvClass)
			.containsExactly(tuple(1L, 1, ClvClass.HIGH), tuple(2L, 2, ClvClass.HIGH), tuple(3L, 3, ClvClass.HIGH),
					tuple(4L, 4, ClvClass.MEDIUM), tuple(5L, 5, ClvClass.MEDIUM), tuple(6L, 6, ClvClass.MEDIUM),
					tuple(7L, 7, ClvClass.LOW), tuple(8L, 8, ClvClass.LOW), tuple(9L, 9, ClvClass.LOW),
					tuple(10L, 10, ClvClass.LOW), tuple(11L, 0, ClvClass.NO_PURCHASE), tuple(12L, 11, ClvClass.LOW));
		assertThat(results.get(10)).extracting(ClvResult::method, ClvResult::predictedValue, ClvResult::reason)
			.containsExactly(ClvMethod.NONE, 0.0, Reason.of("clv.reason.no-purchase"));
	}

	@Test
	void zeroPredictedValueIsLowEvenAtTheTop() {
		List<ClvResult> results = this.model.run(List.of(new CustomerFacts(1, 1, 1, 0, 0, 0, 0, 3, 0, 3, 0))).results();
		assertThat(results).extracting(ClvResult::clvClass).containsExactly(ClvClass.LOW);
	}

	@Test
	void modelPredictionsOnSimulatedCustomersAreLabelledAndConsistent() {
		List<CustomerFacts> customers = ClvFitBenchmark.synthesise(5000, new SplittableRandom(7));
		ClvRun run = this.model.run(customers);
		assertThat(run.fit().fallbackUsed()).isFalse();
		assertThat(run.fit().timeUnit()).isEqualTo(ClvTimeUnit.DAY);
		assertThat(run.fit().r()).isCloseTo(0.5, within(0.1));
		assertThat(run.fit().alpha()).isCloseTo(30, within(8.0));
		assertThat(run.results()).allSatisfy((result) -> {
			assertThat(result.method()).isEqualTo(ClvMethod.BG_NBD_GAMMA_GAMMA);
			assertThat(result.probabilityAlive()).isBetween(0.0, 1.0);
			assertThat(result.predictedValue()).isPositive()
				.isLessThanOrEqualTo(result.expectedPurchases() * result.expectedSpend() + 1e-9);
		});
		double undiscounted = new ClvModel(
				new ClvSettings(ClvTimeUnit.DAY, 12, 0, 1, ValueMeasure.REVENUE, 20, 100, 12, 0.2, 0.3))
			.score(customers, run.fit())
			.get(0)
			.predictedValue();
		ClvResult first = run.results().get(0);
		assertThat(undiscounted).isCloseTo(first.expectedPurchases() * first.expectedSpend(), within(1e-9))
			.isGreaterThan(first.predictedValue());
	}

	@Test
	void invalidSettingsAreRejectedWithMessageKeys() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ClvSettings(ClvTimeUnit.DAY, 12, -0.01, 1, ValueMeasure.REVENUE, 20, 100, 12, 0.2, 0.3))
			.withMessage("clv.settings.invalid-discount-rate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClvSettings(ClvTimeUnit.DAY, 0, 0.01, 1, ValueMeasure.REVENUE, 20, 100, 12, 0.2, 0.3))
			.withMessage("clv.settings.invalid-horizon");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ClvSettings(ClvTimeUnit.DAY, 12, 0.01, 0, ValueMeasure.REVENUE, 20, 100, 12, 0.2, 0.3))
			.withMessage("clv.settings.invalid-margin");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ClvSettings(ClvTimeUnit.DAY, 12, 0.01, 1, ValueMeasure.REVENUE, 20, 100, 12, 0.7, 0.4))
			.withMessage("clv.settings.invalid-class-shares");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClvSettings(ClvTimeUnit.DAY, 12, 0.01, 1, ValueMeasure.REVENUE, 0, 100, 12, 0.2, 0.3))
			.withMessage("clv.settings.invalid-minimum");
	}

	@Test
	void weeksHaveFourPointThreeFourFiveToTheMonth() {
		assertThat(ClvTimeUnit.WEEK.perMonth()).isEqualTo(4.345);
		assertThat(ClvTimeUnit.DAY.perMonth()).isEqualTo(30);
		assertThat(ClvTimeUnit.WEEK.days()).isEqualTo(7);
	}

}
