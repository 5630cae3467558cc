package com.tiercrm.tiering.forecast;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvModel;
import com.tiercrm.tiering.model.ClvSettings;
import com.tiercrm.tiering.model.CustomerFacts;

import org.springframework.modulith.NamedInterface;

/**
 * Checks the purchase model on a holdout period: fit on the facts as of a past date (the
 * calibration end), predict each customer's purchases in the period after it, and compare
 * with what the customer did, per number of calibration repeat purchases, per group and
 * per customer (mean absolute error, correlation). The same fit also makes a sales
 * forecast over the holdout period, which is set against the actual totals per group.
 * Only customers who bought in the calibration period take part: the model has no history
 * to condition the others on.
 */
@NamedInterface("forecast")
public final class HoldoutCheck {

	/** Classes of calibration repeat purchases: 0 to 6, and 7 or more. */
	public static final int REPEAT_PURCHASE_CLASSES = 8;

	private final ClvSettings settings;

	private final int holdoutDays;

	private final SalesForecaster forecaster;

	/**
	 * Creates the check.
	 * @param settings the CLV settings to fit with (time unit, purchase model, minimums)
	 * @param holdoutDays length of the holdout period in days, at least 1
	 * @param forecaster the forecaster whose intervals are backtested
	 */
	public HoldoutCheck(ClvSettings settings, int holdoutDays, SalesForecaster forecaster) {
		if (holdoutDays < 1) {
			throw new IllegalArgumentException("forecast.invalid-horizon");
		}
		this.settings = settings;
		this.holdoutDays = holdoutDays;
		this.forecaster = forecaster;
	}

	/**
	 * Fits the model on the calibration facts and checks it.
	 * @param <K> the group key
	 * @param customers calibration facts and holdout outcomes
	 * @param group the group of a customer (its tier, say)
	 * @return the check
	 * @throws IllegalStateException {@code clv.fallback} when the purchase model could
	 * not be fitted ({@link ClvFit#fallbackReason()} of a fit says why)
	 */
	public <K> HoldoutResult<K> check(List<HoldoutCustomer> customers,
			Function<? super CustomerFacts, ? extends K> group) {
		List<CustomerFacts> calibration = customers.stream().map(HoldoutCustomer::calibration).toList();
		return check(customers, new ClvModel(this.settings).fit(calibration), group);
	}

	/**
	 * Checks a given fit.
	 * @param <K> the group key
	 * @param customers calibration facts and holdout outcomes
	 * @param fit the fit to check (of the calibration facts, or known parameters)
	 * @param group the group of a customer
	 * @return the check
	 * @throws IllegalStateException {@code clv.fallback} when the fit is the simple
	 * fallback
	 */
	public <K> HoldoutResult<K> check(List<HoldoutCustomer> customers, ClvFit fit,
			Function<? super CustomerFacts, ? extends K> group) {
		List<HoldoutCustomer> buyers = customers.stream()
			.filter((customer) -> customer.calibration().hasPurchased())
			.toList();
		List<CustomerFacts> calibration = buyers.stream().map(HoldoutCustomer::calibration).toList();
		CustomerOutlook outlook = new CustomerOutlook(calibration, fit, this.holdoutDays);
		HoldoutComparison[] byRepeat = new HoldoutComparison[REPEAT_PURCHASE_CLASSES];
		Arrays.fill(byRepeat, HoldoutComparison.EMPTY);
		Map<K, HoldoutComparison> byGroup = new LinkedHashMap<>();
		Map<K, double[]> actualByGroup = new LinkedHashMap<>();
		HoldoutComparison total = HoldoutComparison.EMPTY;
		double[] predicted = new double[buyers.size()];
		double[] actual = new double[buyers.size()];
		int n = 0;
		int unpredictable = 0;
		for (HoldoutCustomer customer : buyers) {
			CustomerFacts facts = customer.calibration();
			K key = group.apply(facts);
			double[] actualOfGroup = actualByGroup.computeIfAbsent(key, (k) -> new double[2]);
			actualOfGroup[0] += customer.holdoutPurchases();
			actualOfGroup[1] += customer.holdoutSpend();
			double purchases = outlook.expectedPurchases(facts);
			if (!Double.isFinite(purchases)) {
				unpredictable++;
				continue;
			}
			double revenue = purchases * outlook.expectedSpend(facts);
			int repeatClass = Math.min(facts.repeatPurchaseDays(), REPEAT_PURCHASE_CLASSES - 1);
			byRepeat[repeatClass] = byRepeat[repeatClass].plus(purchases, customer.holdoutPurchases(), revenue,
					customer.holdoutSpend());
			byGroup.put(key, byGroup.getOrDefault(key, HoldoutComparison.EMPTY)
				.plus(purchases, customer.holdoutPurchases(), revenue, customer.holdoutSpend()));
			total = total.plus(purchases, customer.holdoutPurchases(), revenue, customer.holdoutSpend());
			predicted[n] = purchases;
			actual[n] = customer.holdoutPurchases();
			n++;
		}
		predicted = Arrays.copyOf(predicted, n);
		actual = Arrays.copyOf(actual, n);
		double absoluteError = 0;
		for (int i = 0; i < n; i++) {
			absoluteError += Math.abs(predicted[i] - actual[i]);
		}
		SalesForecast<K> forecast = this.forecaster.forecast(calibration, fit, this.holdoutDays, group);
		return new HoldoutResult<>(fit, this.holdoutDays, List.of(byRepeat), Collections.unmodifiableMap(byGroup),
				total, absoluteError / n, correlation(predicted, actual), backtest(forecast, actualByGroup),
				unpredictable);
	}

	private static <K> ForecastBacktest<K> backtest(SalesForecast<K> forecast, Map<K, double[]> actualByGroup) {
		Map<K, BacktestRow> rows = new LinkedHashMap<>();
		double purchases = 0;
		double revenue = 0;
		for (Map.Entry<K, ForecastRow> entry : forecast.byGroup().entrySet()) {
			double[] actual = actualByGroup.getOrDefault(entry.getKey(), new double[2]);
			rows.put(entry.getKey(), new BacktestRow(entry.getValue(), actual[0], actual[1]));
			purchases += actual[0];
			revenue += actual[1];
		}
		return new ForecastBacktest<>(forecast, Collections.unmodifiableMap(rows),
				new BacktestRow(forecast.total(), purchases, revenue));
	}

	/**
	 * Pearson's correlation.
	 * @return the correlation, NaN when either side is constant or there are fewer than
	 * two values
	 */
	static double correlation(double[] x, double[] y) {
		int n = x.length;
		if (n < 2) {
			return Double.NaN;
		}
		double meanX = 0;
		double meanY = 0;
		for (int i = 0; i < n; i++) {
			meanX += x[i] / n;
			meanY += y[i] / n;
		}
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (int i = 0; i < n; i++) {
			double dx = x[i] - meanX;
			double dy = y[i] - meanY;
			sxy += dx * dy;
			sxx += dx * dx;
			syy += dy * dy;
		}
		return (sxx > 0 && syy > 0) ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
	}

}
