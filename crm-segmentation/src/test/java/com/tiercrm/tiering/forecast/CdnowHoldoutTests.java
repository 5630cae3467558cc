package com.tiercrm.tiering.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tiercrm.tiering.model.AbcClass;
import com.tiercrm.tiering.model.AbcModel;
import com.tiercrm.tiering.model.AbcResult;
import com.tiercrm.tiering.model.AbcSettings;
import com.tiercrm.tiering.model.CdnowFiles;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.ClvTimeUnit;
import com.tiercrm.tiering.model.CustomerFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The holdout check of Fader, Hardie and Lee (2005) on the CDNOW sample: calibrate as of
 * 1997-09-30 in weeks, predict the 39 weeks to 1998-06-30 and compare with the purchases
 * that happened (same-day purchases are one, as in the paper's counts). Published:
 * zero-repeaters expect 0.23 against an actual 334 / 1,411 = 0.2367, and conditional
 * expectation and actual correlate at 0.626; the holdout has 1,882 repeat transactions
 * (the {@code reference_values.json} of the CDNOW data set; the cdnow README lists them).
 */
class CdnowHoldoutTests {

	private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

	private static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

	private static final int HOLDOUT_DAYS = (int) ChronoUnit.DAYS.between(CALIBRATION_END, HOLDOUT_END);

	private static final ClvSettings WEEKLY = ClvSettings.defaults().withTimeUnit(ClvTimeUnit.WEEK);

	private static List<HoldoutCustomer> customers;

	private static Map<Long, AbcClass> tiers;

	private static HoldoutResult<AbcClass> result;

	@BeforeAll
	static void checkTheSample() {
		customers = holdout(CdnowFiles.sample());
		tiers = new HashMap<>();
		for (AbcResult tier : new AbcModel(AbcSettings.defaults())
			.classify(customers.stream().map(HoldoutCustomer::calibration).toList())) {
			tiers.put(tier.customerId(), tier.abcClass());
		}
		result = check(WEEKLY);
	}

	@Test
	void holdoutHasThePublishedCounts() {
		assertThat(HOLDOUT_DAYS).isEqualTo(273);
		assertThat(customers).hasSize(2357);
		assertThat(customers.stream().mapToInt(HoldoutCustomer::holdoutPurchases).sum()).isEqualTo(1882);
		assertThat(customers.stream()
			.filter((customer) -> customer.calibration().repeatPurchaseDays() == 0)
			.mapToInt(HoldoutCustomer::holdoutPurchases)
			.sum()).isEqualTo(334);
	}

	@Test
	void zeroRepeatersAndCorrelationReproduceThePaper() {
		HoldoutComparison zero = result.byRepeatPurchases().get(0);
		assertThat(zero.customers()).isEqualTo(1411);
		assertThat(zero.meanActualPurchases()).isCloseTo(0.2367, within(0.00005));
		assertThat(zero.meanPredictedPurchases()).isCloseTo(0.23, within(0.005)).isCloseTo(0.2255, within(0.001));
		assertThat(result.correlation()).isCloseTo(0.626, within(0.0015));
		assertThat(result.total().customers()).isEqualTo(2357);
		assertThat(result.total().actualPurchases()).isEqualTo(1882);
		assertThat(result.total().predictedPurchases()).isCloseTo(1653.9, within(1.0));
		assertThat(result.unpredictable()).isZero();
	}

	@Test
	void repeatPurchaseClassesFollowThePaperChart() {
		List<HoldoutComparison> classes = result.byRepeatPurchases();
		assertThat(classes).hasSize(8);
		assertThat(classes.stream().mapToInt(HoldoutComparison::customers).sum()).isEqualTo(2357);
		for (int x = 1; x < classes.size(); x++) {
			assertThat(classes.get(x).meanPredictedPurchases()).as("class %d", x)
				.isGreaterThan(classes.get(x - 1).meanPredictedPurchases());
		}
		// the chart: the model follows the actual means with repeat purchases, within a
		// purchase for the sparse classes at the top
		for (HoldoutComparison comparison : classes) {
			assertThat(comparison.meanPredictedPurchases()).isCloseTo(comparison.meanActualPurchases(), within(1.0));
		}
	}

	@Test
	void modelBeatsTheNaiveRateOnMeanAbsoluteError() {
		double naive = customers.stream().mapToDouble((customer) -> {
			CustomerFacts facts = customer.calibration();
			double rate = (facts.daysFirstPurchaseToAsOf() > 0)
					? facts.repeatPurchaseDays() / (double) facts.daysFirstPurchaseToAsOf() : 0;
			return Math.abs(rate * HOLDOUT_DAYS - customer.holdoutPurchases());
		}).average().orElseThrow();
		assertThat(result.meanAbsoluteError()).isLessThan(naive);
		assertThat(result.meanAbsoluteError()).isGreaterThan(0);
	}

	@Test
	void groupsAddUpToTheTotal() {
		assertThat(result.byGroup()).containsOnlyKeys(AbcClass.A, AbcClass.B, AbcClass.C);
		assertThat(result.byGroup().values().stream().mapToDouble(HoldoutComparison::predictedPurchases).sum())
			.isCloseTo(result.total().predictedPurchases(), within(1e-6));
		assertThat(result.byGroup().values().stream().mapToDouble(HoldoutComparison::actualRevenue).sum())
			.isCloseTo(result.total().actualRevenue(), within(1e-6));
		ForecastBacktest<AbcClass> backtest = result.backtest();
		assertThat(backtest.total().forecast().expectedPurchases()).isCloseTo(result.total().predictedPurchases(),
				within(1e-6));
		assertThat(backtest.total().actualPurchases()).isEqualTo(1882);
		for (AbcClass tier : AbcClass.values()) {
			if (result.byGroup().containsKey(tier)) {
				BacktestRow row = backtest.byGroup().get(tier);
				assertThat(row.forecast().expectedPurchases())
					.isCloseTo(result.byGroup().get(tier).predictedPurchases(), within(1e-6));
				assertThat(row.forecast().purchasesLow()).isLessThan(row.forecast().expectedPurchases());
				assertThat(row.forecast().purchasesHigh()).isGreaterThan(row.forecast().expectedPurchases());
			}
		}
	}

	@Test
	void modifiedModelChecksToo() {
		HoldoutResult<AbcClass> modified = check(WEEKLY.withPurchaseModel(ClvPurchaseModel.MBG_NBD));
		assertThat(modified.fit().purchaseModel()).isEqualTo(ClvPurchaseModel.MBG_NBD);
		assertThat(modified.fit().r()).isCloseTo(0.5248, within(0.001));
		// one-time buyers can have dropped out: they expect less than under BG/NBD
		assertThat(modified.byRepeatPurchases().get(0).meanPredictedPurchases())
			.isLessThan(result.byRepeatPurchases().get(0).meanPredictedPurchases());
		assertThat(modified.correlation()).isGreaterThan(0.6);
	}

	@Test
	void normalIntervalsAgreeWithTheSimulationsQuantiles() {
		// the weekly fit, a quarter and the 39 weeks ahead, per tier and in total: the
		// normal interval (every group, whatever its size) against 4,000 simulated draws
		List<CustomerFacts> facts = customers.stream().map(HoldoutCustomer::calibration).toList();
		for (int horizon : new int[] { 91, HOLDOUT_DAYS }) {
			SalesForecast<AbcClass> normal = new SalesForecaster(1000, 0.9, 5, 1).forecast(facts, result.fit(), horizon,
					(customer) -> tiers.get(customer.customerId()));
			SalesForecast<AbcClass> drawn = new SalesForecaster(4000, 0.9, 5, Integer.MAX_VALUE).forecast(facts,
					result.fit(), horizon, (customer) -> tiers.get(customer.customerId()));
			List<ForecastRow> normalRows = new ArrayList<>(normal.byGroup().values());
			normalRows.add(normal.total());
			List<ForecastRow> drawnRows = new ArrayList<>(drawn.byGroup().values());
			drawnRows.add(drawn.total());
			for (int i = 0; i < normalRows.size(); i++) {
				ForecastRow n = normalRows.get(i);
				ForecastRow d = drawnRows.get(i);
				System.out.printf(
						"CDNOW %d days, %d customers: purchases %.1f normal [%.1f, %.1f] drawn [%.1f, %.1f]; "
								+ "revenue %.0f normal [%.0f, %.0f] drawn [%.0f, %.0f]%n",
						horizon, n.customers(), n.expectedPurchases(), n.purchasesLow(), n.purchasesHigh(),
						d.purchasesLow(), d.purchasesHigh(), n.expectedRevenue(), n.revenueLow(), n.revenueHigh(),
						d.revenueLow(), d.revenueHigh());
				// the purchases agree in every tier, the revenue where the forecaster
				// uses
				// the normal interval (at 657 customers its low end is 0.1 half-widths
				// lower)
				double purchasesHalfWidth = (d.purchasesHigh() - d.purchasesLow()) / 2;
				assertThat(n.purchasesLow()).isCloseTo(d.purchasesLow(), within(0.1 * purchasesHalfWidth));
				assertThat(n.purchasesHigh()).isCloseTo(d.purchasesHigh(), within(0.1 * purchasesHalfWidth));
				if (n.customers() >= SalesForecaster.ANALYTIC_FROM) {
					double revenueHalfWidth = (d.revenueHigh() - d.revenueLow()) / 2;
					assertThat(n.revenueLow()).isCloseTo(d.revenueLow(), within(0.15 * revenueHalfWidth));
					assertThat(n.revenueHigh()).isCloseTo(d.revenueHigh(), within(0.15 * revenueHalfWidth));
				}
			}
		}
	}

	private static HoldoutResult<AbcClass> check(ClvSettings settings) {
		HoldoutResult<AbcClass> checked = new HoldoutCheck(settings, HOLDOUT_DAYS, SalesForecaster.defaults())
			.check(customers, (facts) -> tiers.get(facts.customerId()));
		System.out.printf("%s: %s%n", settings.purchaseModel(), describe(checked));
		return checked;
	}

	static String describe(HoldoutResult<?> checked) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("MAE %.4f, correlation %.4f, predicted %.1f, actual %.0f%n",
				checked.meanAbsoluteError(), checked.correlation(), checked.total().predictedPurchases(),
				checked.total().actualPurchases()));
		for (int x = 0; x < checked.byRepeatPurchases().size(); x++) {
			HoldoutComparison comparison = checked.byRepeatPurchases().get(x);
			text.append(String.format("  x=%d%s n=%d predicted %.4f actual %.4f%n", x,
					(x == checked.byRepeatPurchases().size() - 1) ? "+" : "", comparison.customers(),
					comparison.meanPredictedPurchases(), comparison.meanActualPurchases()));
		}
		checked.backtest()
			.byGroup()
			.forEach((key, row) -> text.append(String.format(
					"  %s n=%d purchases %.1f [%.0f, %.0f] actual %.0f; revenue %.0f [%.0f, %.0f] actual %.0f%n", key,
					row.forecast().customers(), row.forecast().expectedPurchases(), row.forecast().purchasesLow(),
					row.forecast().purchasesHigh(), row.actualPurchases(), row.forecast().expectedRevenue(),
					row.forecast().revenueLow(), row.forecast().revenueHigh(), row.actualRevenue())));
		BacktestRow total = checked.backtest().total();
		text.append(
				String.format("  total purchases %.1f [%.0f, %.0f] actual %.0f; revenue %.0f [%.0f, %.0f] actual %.0f",
						total.forecast().expectedPurchases(), total.forecast().purchasesLow(),
						total.forecast().purchasesHigh(), total.actualPurchases(), total.forecast().expectedRevenue(),
						total.forecast().revenueLow(), total.forecast().revenueHigh(), total.actualRevenue()));
		return text.toString();
	}

	/**
	 * Facts as of the calibration end, and per customer the distinct purchase days and
	 * the revenue after it up to the holdout end.
	 */
	static List<HoldoutCustomer> holdout(List<CdnowFiles.Transaction> transactions) {
		Map<Long, Set<LocalDate>> days = new HashMap<>();
		Map<Long, Double> spend = new HashMap<>();
		for (CdnowFiles.Transaction transaction : transactions) {
			if (transaction.date().isAfter(CALIBRATION_END) && !transaction.date().isAfter(HOLDOUT_END)) {
				days.computeIfAbsent(transaction.customerId(), (id) -> new HashSet<>()).add(transaction.date());
				spend.merge(transaction.customerId(), transaction.dollars(), Double::sum);
			}
		}
		return CdnowFiles.facts(transactions, CALIBRATION_END)
			.stream()
			.map((facts) -> new HoldoutCustomer(facts, days.getOrDefault(facts.customerId(), Set.of()).size(),
					spend.getOrDefault(facts.customerId(), 0.0)))
			.toList();
	}

}
