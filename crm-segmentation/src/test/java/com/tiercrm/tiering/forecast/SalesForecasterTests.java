package com.tiercrm.tiering.forecast;

import java.util.List;
import java.util.function.Function;

import com.tiercrm.tiering.model.BgNbdParameters;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvModel;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.GammaGammaParameters;
import com.tiercrm.tiering.model.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * The sales forecast and its interval on synthetic bases drawn from known parameters.
 */
class SalesForecasterTests {

	private static final int CALIBRATION_DAYS = 365;

	private static final int QUARTER = 91;

	@Test
	void expectationsAreTheSumsOfTheCustomersConditionalExpectations() {
		List<CustomerFacts> customers = facts(SyntheticHoldout.draw(600, CALIBRATION_DAYS, QUARTER, 3));
		ClvFit fit = SyntheticHoldout.trueParameters();
		SalesForecast<Long> forecast = SalesForecaster.defaults()
			.forecast(customers, fit, QUARTER, (facts) -> facts.customerId() % 3);
		BgNbdParameters purchases = fit.bgNbd();
		GammaGammaParameters spend = fit.gammaGamma();
		for (long group = 0; group < 3; group++) {
			double expectedPurchases = 0;
			double expectedRevenue = 0;
			int count = 0;
			for (CustomerFacts facts : customers) {
				if (facts.customerId() % 3 == group) {
					int x = facts.repeatPurchaseDays();
					double e = purchases.conditionalExpectedPurchases(QUARTER, x, facts.daysFirstToLastPurchase(),
							facts.daysFirstPurchaseToAsOf());
					expectedPurchases += e;
					expectedRevenue += e * spend.conditionalExpectedSpend(x, (x > 0) ? facts.repeatDaysSpend() / x : 0);
					count++;
				}
			}
			ForecastRow row = forecast.byGroup().get(group);
			assertThat(row.customers()).isEqualTo(count);
			assertThat(row.expectedPurchases()).isCloseTo(expectedPurchases, within(1e-9));
			assertThat(row.expectedRevenue()).isCloseTo(expectedRevenue, within(1e-6));
			assertThat(row.purchasesLow()).isLessThan(row.expectedPurchases());
			assertThat(row.purchasesHigh()).isGreaterThan(row.expectedPurchases());
			assertThat(row.revenueLow()).isLessThan(row.expectedRevenue());
			assertThat(row.revenueHigh()).isGreaterThan(row.expectedRevenue());
		}
		assertThat(forecast.byGroup()).containsOnlyKeys(0L, 1L, 2L);
		assertThat(forecast.total().customers()).isEqualTo(600);
		assertThat(forecast.byGroup().values().stream().mapToDouble(ForecastRow::expectedPurchases).sum())
			.isCloseTo(forecast.total().expectedPurchases(), within(1e-9));
	}

	@Test
	void simulatedMeanAgreesWithTheExpectation() {
		List<CustomerFacts> customers = facts(SyntheticHoldout.draw(2000, CALIBRATION_DAYS, QUARTER, 5));
		SalesForecast<String> forecast = new SalesForecaster(2000, 0.5, 7).forecast(customers,
				SyntheticHoldout.trueParameters(), QUARTER, (facts) -> "all");
		ForecastRow row = forecast.total();
		// a 50 % interval of a near-normal total sits around its mean
		double middle = (row.purchasesLow() + row.purchasesHigh()) / 2;
		assertThat(middle).isCloseTo(row.expectedPurchases(), within(0.03 * row.expectedPurchases()));
		double revenueMiddle = (row.revenueLow() + row.revenueHigh()) / 2;
		assertThat(revenueMiddle).isCloseTo(row.expectedRevenue(), within(0.05 * row.expectedRevenue()));
	}

	@Test
	void sameSeedSameInterval() {
		List<CustomerFacts> customers = facts(SyntheticHoldout.draw(300, CALIBRATION_DAYS, QUARTER, 11));
		ClvFit fit = SyntheticHoldout.trueParameters();
		SalesForecast<Integer> one = SalesForecaster.defaults().forecast(customers, fit, 30, (facts) -> 1);
		SalesForecast<Integer> two = SalesForecaster.defaults().forecast(customers, fit, 30, (facts) -> 1);
		assertThat(one).isEqualTo(two);
	}

	@Test
	void severalGroupingsComeFromOneSimulation() {
		List<CustomerFacts> customers = facts(SyntheticHoldout.draw(500, CALIBRATION_DAYS, QUARTER, 19));
		ClvFit fit = SyntheticHoldout.trueParameters();
		List<Function<CustomerFacts, String>> groupings = List.of((facts) -> "t" + (facts.customerId() % 3),
				(facts) -> "r" + (facts.customerId() % 2));
		List<SalesForecast<String>> both = SalesForecaster.defaults().forecast(customers, fit, QUARTER, groupings);
		SalesForecast<String> alone = SalesForecaster.defaults().forecast(customers, fit, QUARTER, groupings.get(0));
		assertThat(both).hasSize(2);
		assertThat(both.get(0)).isEqualTo(alone);
		assertThat(both.get(1).byGroup()).containsOnlyKeys("r0", "r1");
		assertThat(both.get(1).total()).isEqualTo(alone.total());
		assertThat(both.get(1).byGroup().values().stream().mapToDouble(ForecastRow::expectedRevenue).sum())
			.isCloseTo(alone.total().expectedRevenue(), within(1e-6));
	}

	@Test
	void ninetyPercentIntervalsCoverNinetyPercentOfHoldouts() {
		// 30 bases × 4 groups of about 250 customers, each forecast a quarter ahead with
		// the generating parameters: the share of actuals inside is binomial around 0.9
		// (standard error 0.027)
		int inside = 0;
		int revenueInside = 0;
		int groups = 0;
		SalesForecaster forecaster = new SalesForecaster(400, 0.9, 1);
		HoldoutCheck check = new HoldoutCheck(ClvSettings.defaults(), QUARTER, forecaster);
		for (long seed = 1; seed <= 30; seed++) {
			List<HoldoutCustomer> customers = SyntheticHoldout.draw(1000, CALIBRATION_DAYS, QUARTER, 1000 + seed);
			ForecastBacktest<Long> backtest = check
				.check(customers, SyntheticHoldout.trueParameters(), (facts) -> facts.customerId() % 4)
				.backtest();
			for (BacktestRow row : backtest.byGroup().values()) {
				inside += row.purchasesInside() ? 1 : 0;
				revenueInside += row.revenueInside() ? 1 : 0;
				groups++;
			}
		}
		System.out.printf("coverage of 90 %% intervals over %d groups: purchases %.3f, revenue %.3f%n", groups,
				inside / (double) groups, revenueInside / (double) groups);
		assertThat(inside / (double) groups).isBetween(0.82, 0.97);
		assertThat(revenueInside / (double) groups).isBetween(0.82, 0.97);
	}

	@Test
	void fittedParametersStillCoverMostHoldouts() {
		int inside = 0;
		int groups = 0;
		HoldoutCheck check = new HoldoutCheck(ClvSettings.defaults(), QUARTER, new SalesForecaster(400, 0.9, 1));
		for (long seed = 1; seed <= 6; seed++) {
			List<HoldoutCustomer> customers = SyntheticHoldout.draw(3000, CALIBRATION_DAYS, QUARTER, 2000 + seed);
			ForecastBacktest<Long> backtest = check.check(customers, (facts) -> facts.customerId() % 4).backtest();
			for (BacktestRow row : backtest.byGroup().values()) {
				inside += row.purchasesInside() ? 1 : 0;
				groups++;
			}
		}
		System.out.printf("coverage with fitted parameters over %d groups: purchases %.3f%n", groups,
				inside / (double) groups);
		assertThat(inside / (double) groups).isGreaterThan(0.7);
	}

	@Test
	void spendFallsBackLikeTheClvModel() {
		List<CustomerFacts> customers = facts(SyntheticHoldout.draw(400, CALIBRATION_DAYS, QUARTER, 13));
		ClvFit known = SyntheticHoldout.trueParameters();
		ClvFit withoutSpend = new ClvFit(known.r(), known.alpha(), known.a(), known.b(), Double.NaN, Double.NaN,
				Double.NaN, Double.NaN, Double.NaN, known.timeUnit(), 0, 0, false, 0, 0, 0, false, null,
				known.purchaseModel(), Reason.of("clv.fallback.gamma-gamma-failed", 0));
		ForecastRow row = SalesForecaster.defaults().forecast(customers, withoutSpend, QUARTER, (facts) -> 0).total();
		double repeatBuyersMean = customers.stream()
			.filter((facts) -> facts.repeatPurchaseDays() > 0)
			.mapToDouble((facts) -> facts.repeatDaysSpend() / facts.repeatPurchaseDays())
			.average()
			.orElseThrow();
		double expected = 0;
		for (CustomerFacts facts : customers) {
			int x = facts.repeatPurchaseDays();
			expected += known.bgNbd()
				.conditionalExpectedPurchases(QUARTER, x, facts.daysFirstToLastPurchase(),
						facts.daysFirstPurchaseToAsOf())
					* ((x > 0) ? facts.repeatDaysSpend() / x : repeatBuyersMean);
		}
		assertThat(row.expectedRevenue()).isCloseTo(expected, within(1e-6));
		assertThat(row.revenueLow()).isLessThan(expected);
		assertThat(row.revenueHigh()).isGreaterThan(expected);
	}

	@Test
	void simpleFallbackHasNoForecast() {
		List<CustomerFacts> customers = facts(SyntheticHoldout.draw(50, CALIBRATION_DAYS, QUARTER, 17));
		ClvFit fallback = new ClvModel(ClvSettings.defaults()).fit(customers);
		assertThat(fallback.fallbackUsed()).isTrue();
		assertThatIllegalStateException()
			.isThrownBy(() -> SalesForecaster.defaults().forecast(customers, fallback, QUARTER, (facts) -> 0))
			.withMessage("clv.fallback");
	}

	private static List<CustomerFacts> facts(List<HoldoutCustomer> customers) {
		return customers.stream().map(HoldoutCustomer::calibration).toList();
	}

}
