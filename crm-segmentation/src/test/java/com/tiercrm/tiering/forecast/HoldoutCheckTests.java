package com.tiercrm.tiering.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.tiercrm.tiering.model.BgNbdParameters;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.CustomerFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Grouping, error and correlation of the holdout check on a few customers with known
 * parameters.
 */
class HoldoutCheckTests {

	private static final int HOLDOUT = 60;

	private final ClvFit fit = SyntheticHoldout.trueParameters();

	private final BgNbdParameters purchases = this.fit.bgNbd();

	@Test
	void groupsByRepeatPurchasesUpToSevenOrMore() {
		List<HoldoutCustomer> customers = List.of(customer(1, 0, 0, 100, 0), customer(2, 0, 0, 50, 1),
				customer(3, 1, 20, 100, 2), customer(4, 7, 90, 100, 3), customer(5, 12, 95, 100, 5),
				new HoldoutCustomer(CustomerFacts.noPurchase(6), 1, 10));
		HoldoutResult<String> result = check(customers, (facts) -> (facts.customerId() <= 2) ? "one" : "many");
		List<HoldoutComparison> classes = result.byRepeatPurchases();
		assertThat(classes).hasSize(HoldoutCheck.REPEAT_PURCHASE_CLASSES);
		assertThat(classes.get(0).customers()).isEqualTo(2);
		assertThat(classes.get(0).meanActualPurchases()).isEqualTo(0.5);
		assertThat(classes.get(0).meanPredictedPurchases()).isCloseTo((expected(0, 0, 100) + expected(0, 0, 50)) / 2,
				within(1e-12));
		assertThat(classes.get(1).customers()).isEqualTo(1);
		assertThat(classes.get(2).customers()).isZero();
		assertThat(classes.get(7).customers()).isEqualTo(2);
		assertThat(classes.get(7).actualPurchases()).isEqualTo(8);
		assertThat(classes.get(7).predictedPurchases()).isCloseTo(expected(7, 90, 100) + expected(12, 95, 100),
				within(1e-12));
		// the customer without a calibration purchase takes no part
		assertThat(result.total().customers()).isEqualTo(5);
		assertThat(result.byGroup()).containsOnlyKeys("one", "many");
		assertThat(result.byGroup().get("one").customers()).isEqualTo(2);
		assertThat(result.byGroup().get("many").actualPurchases()).isEqualTo(10);
	}

	@Test
	void errorAndCorrelationArePerCustomer() {
		List<HoldoutCustomer> customers = List.of(customer(1, 0, 0, 100, 0), customer(2, 2, 30, 100, 1),
				customer(3, 5, 90, 100, 4), customer(4, 1, 95, 100, 0));
		double[] predicted = { expected(0, 0, 100), expected(2, 30, 100), expected(5, 90, 100), expected(1, 95, 100) };
		double[] actual = { 0, 1, 4, 0 };
		double error = 0;
		for (int i = 0; i < 4; i++) {
			error += Math.abs(predicted[i] - actual[i]) / 4;
		}
		HoldoutResult<Integer> result = check(customers, (facts) -> 0);
		assertThat(result.meanAbsoluteError()).isCloseTo(error, within(1e-12));
		assertThat(result.correlation()).isCloseTo(pearson(predicted, actual), within(1e-12)).isBetween(-1.0, 1.0);
		assertThat(result.holdoutDays()).isEqualTo(HOLDOUT);
	}

	@Test
	void correlationOfALineIsOne() {
		assertThat(HoldoutCheck.correlation(new double[] { 1, 2, 3 }, new double[] { 2, 4, 6 })).isCloseTo(1,
				within(1e-12));
		assertThat(HoldoutCheck.correlation(new double[] { 1, 2, 3 }, new double[] { 6, 4, 2 })).isCloseTo(-1,
				within(1e-12));
		assertThat(HoldoutCheck.correlation(new double[] { 1, 2, 3 }, new double[] { 1, 1, 1 })).isNaN();
	}

	@Test
	void holdoutMustLastADay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HoldoutCheck(ClvSettings.defaults(), 0, SalesForecaster.defaults()))
			.withMessage("forecast.invalid-horizon");
		assertThatIllegalArgumentException().isThrownBy(() -> new HoldoutCustomer(CustomerFacts.noPurchase(1), -1, 0))
			.withMessage("facts.invalid.counts");
	}

	private <K> HoldoutResult<K> check(List<HoldoutCustomer> customers, Function<CustomerFacts, K> group) {
		return new HoldoutCheck(ClvSettings.defaults(), HOLDOUT, SalesForecaster.defaults()).check(customers, this.fit,
				group);
	}

	private double expected(int x, int tx, int t) {
		return this.purchases.conditionalExpectedPurchases(HOLDOUT, x, tx, t);
	}

	/**
	 * A customer with x repeat purchase days worth 10 each, first purchase T days ago.
	 */
	private static HoldoutCustomer customer(long id, int x, int tx, int t, int holdoutPurchases) {
		double revenue = 10 * (x + 1);
		CustomerFacts facts = new CustomerFacts(id, x + 1, x + 1, revenue, revenue, revenue, revenue, t - tx, tx, t,
				10 * x);
		return new HoldoutCustomer(facts, holdoutPurchases, 10 * holdoutPurchases);
	}

	private static double pearson(double[] x, double[] y) {
		List<Double> products = new ArrayList<>();
		double mx = (x[0] + x[1] + x[2] + x[3]) / 4;
		double my = (y[0] + y[1] + y[2] + y[3]) / 4;
		double sxx = 0;
		double syy = 0;
		for (int i = 0; i < 4; i++) {
			products.add((x[i] - mx) * (y[i] - my));
			sxx += (x[i] - mx) * (x[i] - mx);
			syy += (y[i] - my) * (y[i] - my);
		}
		return products.stream().mapToDouble(Double::doubleValue).sum() / Math.sqrt(sxx * syy);
	}

}
