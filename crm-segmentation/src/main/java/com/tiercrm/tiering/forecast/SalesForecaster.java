package com.tiercrm.tiering.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

import com.tiercrm.tiering.model.BgNbdParameters;
import com.tiercrm.tiering.model.ClvFit;
import com.tiercrm.tiering.model.ClvPurchaseModel;
import com.tiercrm.tiering.model.CustomerFacts;
import com.tiercrm.tiering.model.GammaGammaParameters;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;
import org.jspecify.annotations.Nullable;

/**
 * Forecasts purchases and revenue per group over a horizon from a fitted BG/NBD (or
 * MBG/NBD) and Gamma-Gamma model.
 * <p>
 * The expected values are exact under the model: the sum over the group's customers of
 * E[Y(h) | x, tₓ, T], and of that times the expected spend per purchase (Gamma-Gamma's
 * conditional expectation, or the CLV model's fallback when Gamma-Gamma is not used).
 * <p>
 * The interval of a group of at least {@link #ANALYTIC_FROM} customers is normal: the
 * group's total is a sum of independent customers, so it is the sum of their conditional
 * means ± z·√(sum of their conditional variances), z the normal quantile at (1 + level) /
 * 2. The variances are exact under the model ({@link CustomerOutlook#variances}, from the
 * conditional second moment of {@link PurchaseMoments}); the lower ends are cut at 0.
 * Against 2,000 to 4,000 simulated draws the normal ends of such groups lie within about
 * a tenth of the interval's half-width (the drawn ends move about 0.04 from seed to
 * seed); at 200 customers the revenue's right skew puts the normal ends up to 0.4
 * half-widths below the drawn ones (see {@code NormalIntervalTests}). So smaller groups,
 * and any group whose variance is infinite (Gamma-Gamma's q ≤ 2 for one-time buyers) or
 * not computable, keep the simulation below, run only for their customers.
 * <p>
 * The simulation draws the customers' futures under the fitted model, conditional on each
 * history: the customer is alive with probability P(alive); if alive, the purchase rate
 * is drawn from its posterior Gamma(r + x, α + T) and the drop-out probability from
 * Beta(a, b + x) (Beta(a, b + x + 1) under MBG/NBD), which is exactly what the likelihood
 * of a history says about a customer known to be alive at T; purchases then follow a
 * Poisson process over the horizon with a drop-out chance after each. (The first purchase
 * time is drawn from its Lomax marginal and the rate from its posterior given that time:
 * the same joint distribution, in an order where the futures without any purchase, most
 * of them over a month or a quarter, are skipped by a geometric gap.) Each purchase's
 * amount is Gamma(p, ν) with ν drawn from its posterior Gamma(q + p·x, γ + x·m̄); without
 * Gamma-Gamma every purchase is worth the expected spend, so that interval covers only
 * the variation of the purchase count. The group totals of every draw are summed and the
 * interval is the pair of empirical quantiles at (1 − level) / 2 and (1 + level) / 2
 * (nearest rank). What both leave out: the uncertainty of the fitted parameters
 * themselves, and customers who have not bought yet; the backtest shows how much that
 * matters. The seed is fixed, so the same data gives the same interval. The simulation's
 * cost grows with the small groups' customers × draws, the normal interval's with the
 * customers alone (see {@code SalesForecastBenchmark} and docs/performance.md).
 */
public final class SalesForecaster {

	/**
	 * Customers from which a group's interval is the normal one (see the class comment).
	 */
	static final int ANALYTIC_FROM = 1000;

	private final int draws;

	private final double level;

	private final long seed;

	private final int analyticFrom;

	private final double z;

	/**
	 * Creates a forecaster.
	 * @param draws simulated futures per customer, at least 100
	 * @param level probability the intervals are meant to cover, in (0, 1)
	 * @param seed the seed of the simulation
	 */
	public SalesForecaster(int draws, double level, long seed) {
		this(draws, level, seed, ANALYTIC_FROM);
	}

	/**
	 * Creates a forecaster that simulates only the groups below a size.
	 * @param draws simulated futures per customer, at least 100
	 * @param level probability the intervals are meant to cover, in (0, 1)
	 * @param seed the seed of the simulation
	 * @param analyticFrom the customers from which a group's interval is the normal one,
	 * at least 1
	 */
	SalesForecaster(int draws, double level, long seed, int analyticFrom) {
		if (draws < 100 || !(level > 0 && level < 1) || analyticFrom < 1) {
			throw new IllegalArgumentException("forecast.invalid-settings");
		}
		this.draws = draws;
		this.level = level;
		this.seed = seed;
		this.analyticFrom = analyticFrom;
		this.z = new NormalDistribution(0, 1).inverseCumulativeProbability((1 + level) / 2);
	}

	/**
	 * 1,000 draws, 90 % intervals, seed 1.
	 * @return the forecaster
	 */
	public static SalesForecaster defaults() {
		return new SalesForecaster(1000, 0.9, 1);
	}

	/**
	 * The level of the intervals.
	 * @return the level
	 */
	public double level() {
		return this.level;
	}

	/**
	 * Forecasts purchases and revenue per group.
	 * @param <K> the group key
	 * @param customers the facts as of the forecast's start
	 * @param fit a fit of the purchase model on these (or comparable) customers
	 * @param horizonDays days after the as-of date, at least 1
	 * @param group the group of a customer
	 * @return the forecast
	 * @throws IllegalStateException {@code clv.fallback} when the fit fell back to the
	 * simple formula
	 */
	public <K> SalesForecast<K> forecast(List<CustomerFacts> customers, ClvFit fit, int horizonDays,
			Function<? super CustomerFacts, ? extends K> group) {
		List<Function<? super CustomerFacts, ? extends K>> groupings = List.of(group);
		return this.<K>forecast(customers, fit, horizonDays, groupings).get(0);
	}

	/**
	 * Forecasts purchases and revenue per group of several groupings at once (tier,
	 * region and owner, say) from one simulation, at the cost of one.
	 * @param <K> the group key
	 * @param customers the facts as of the forecast's start
	 * @param fit a fit of the purchase model on these (or comparable) customers
	 * @param horizonDays days after the as-of date, at least 1
	 * @param groupings the group of a customer under each grouping
	 * @return one forecast per grouping, in the same order
	 * @throws IllegalStateException {@code clv.fallback} when the fit fell back to the
	 * simple formula
	 */
	public <K> List<SalesForecast<K>> forecast(List<CustomerFacts> customers, ClvFit fit, int horizonDays,
			List<? extends Function<? super CustomerFacts, ? extends K>> groupings) {
		CustomerOutlook outlook = new CustomerOutlook(customers, fit, horizonDays);
		int dimensions = groupings.size();
		List<Map<K, Integer>> groupIndexes = new ArrayList<>();
		// rows of all groupings' groups one after the other, then the total
		int[][] rowOf = new int[customers.size()][dimensions + 1];
		int rows = 0;
		for (int d = 0; d < dimensions; d++) {
			Map<K, Integer> groupIndex = new LinkedHashMap<>();
			Function<? super CustomerFacts, ? extends K> group = groupings.get(d);
			for (int i = 0; i < customers.size(); i++) {
				int offset = rows;
				rowOf[i][d] = groupIndex.computeIfAbsent(group.apply(customers.get(i)),
						(key) -> offset + groupIndex.size());
			}
			groupIndexes.add(groupIndex);
			rows += groupIndex.size();
		}
		int total = rows;
		for (int[] customerRows : rowOf) {
			customerRows[dimensions] = total;
		}
		rows++;
		int[] counts = new int[rows];
		double[] expectedPurchases = new double[rows];
		double[] expectedRevenue = new double[rows];
		double[] purchasesVariance = new double[rows];
		double[] revenueVariance = new double[rows];
		double[] spends = new double[customers.size()];
		boolean[] simulate = new boolean[customers.size()];
		int unpredictable = 0;
		for (int i = 0; i < customers.size(); i++) {
			CustomerFacts facts = customers.get(i);
			double purchases = outlook.expectedPurchases(facts);
			if (!Double.isFinite(purchases)) {
				unpredictable++;
				continue;
			}
			double spend = outlook.expectedSpend(facts);
			double[] variances = outlook.variances(facts, purchases, spend);
			for (int row : rowOf[i]) {
				counts[row]++;
				expectedPurchases[row] += purchases;
				expectedRevenue[row] += purchases * spend;
				purchasesVariance[row] += variances[0];
				revenueVariance[row] += variances[1];
			}
			spends[i] = spend;
			simulate[i] = facts.hasPurchased();
		}
		// the normal interval where the group is large and its variances finite, the
		// simulation elsewhere
		boolean[] simulatedRow = new boolean[rows];
		boolean anySimulated = false;
		for (int row = 0; row < rows; row++) {
			simulatedRow[row] = counts[row] < this.analyticFrom || !Double.isFinite(purchasesVariance[row])
					|| !Double.isFinite(revenueVariance[row]);
			anySimulated |= simulatedRow[row];
		}
		double[][] simulatedPurchases = new double[rows][];
		double[][] simulatedRevenue = new double[rows][];
		if (anySimulated) {
			for (int row = 0; row < rows; row++) {
				if (simulatedRow[row]) {
					simulatedPurchases[row] = new double[this.draws];
					simulatedRevenue[row] = new double[this.draws];
				}
			}
			Simulation simulation = new Simulation(outlook, this.seed, this.draws);
			for (int i = 0; i < customers.size(); i++) {
				if (simulate[i]) {
					int[] simulatedRows = Arrays.stream(rowOf[i]).filter((row) -> simulatedRow[row]).toArray();
					if (simulatedRows.length > 0) {
						simulation.add(customers.get(i), spends[i], simulatedRows, simulatedPurchases,
								simulatedRevenue);
					}
				}
			}
		}
		IntFunction<ForecastRow> rowAt = (row) -> simulatedRow[row]
				? row(counts[row], expectedPurchases[row], simulatedPurchases[row], expectedRevenue[row],
						simulatedRevenue[row])
				: normalRow(counts[row], expectedPurchases[row], purchasesVariance[row], expectedRevenue[row],
						revenueVariance[row]);
		ForecastRow totalRow = rowAt.apply(total);
		List<SalesForecast<K>> forecasts = new ArrayList<>();
		for (Map<K, Integer> groupIndex : groupIndexes) {
			Map<K, ForecastRow> byGroup = new LinkedHashMap<>();
			groupIndex.forEach((key, row) -> byGroup.put(key, rowAt.apply(row)));
			forecasts.add(new SalesForecast<>(horizonDays, this.level, this.draws, Collections.unmodifiableMap(byGroup),
					totalRow, unpredictable));
		}
		return List.copyOf(forecasts);
	}

	private ForecastRow normalRow(int customers, double purchases, double purchasesVariance, double revenue,
			double revenueVariance) {
		double z = this.z;
		double purchasesSpread = z * Math.sqrt(purchasesVariance);
		double revenueSpread = z * Math.sqrt(revenueVariance);
		return new ForecastRow(customers, purchases, Math.max(0, purchases - purchasesSpread),
				purchases + purchasesSpread, revenue, Math.max(0, revenue - revenueSpread), revenue + revenueSpread);
	}

	private ForecastRow row(int customers, double purchases, double[] purchaseDraws, double revenue,
			double[] revenueDraws) {
		double low = (1 - this.level) / 2;
		double high = (1 + this.level) / 2;
		Arrays.sort(purchaseDraws);
		Arrays.sort(revenueDraws);
		return new ForecastRow(customers, purchases, quantile(purchaseDraws, low), quantile(purchaseDraws, high),
				revenue, quantile(revenueDraws, low), quantile(revenueDraws, high));
	}

	/** Nearest-rank quantile of sorted values. */
	static double quantile(double[] sorted, double probability) {
		int rank = (int) Math.ceil(probability * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	/**
	 * Draws each customer's future purchases and spend, {@code draws} times, and adds
	 * them to the totals of the customer's group and of everyone.
	 */
	private static final class Simulation {

		private final RandomDataGenerator random;

		private final BgNbdParameters purchases;

		private final @Nullable GammaGammaParameters spend;

		private final int shift;

		private final double unitsPerDay;

		private final double horizon;

		private final CustomerOutlook outlook;

		private final int draws;

		Simulation(CustomerOutlook outlook, long seed, int draws) {
			this.draws = draws;
			this.random = RandomDataGenerator.of(new Well19937c(seed));
			this.outlook = outlook;
			this.purchases = outlook.purchases;
			this.spend = outlook.spend;
			this.shift = (this.purchases.model() == ClvPurchaseModel.MBG_NBD) ? 1 : 0;
			this.unitsPerDay = outlook.unitsPerDay;
			this.horizon = outlook.horizon;
		}

		/**
		 * Adds the customer's simulated purchases and revenue of every draw to the rows
		 * the customer belongs to.
		 */
		void add(CustomerFacts facts, double expectedSpend, int[] rows, double[][] purchaseRows,
				double[][] revenueRows) {
			BgNbdParameters model = this.purchases;
			int x = facts.repeatPurchaseDays();
			double t = facts.daysFirstPurchaseToAsOf() * this.unitsPerDay;
			double alive = this.outlook.probabilityAlive(facts);
			double rateShape = model.r() + x;
			double dropOutB = model.b() + x + this.shift;
			double meanSpend = CustomerOutlook.meanRepeatSpend(facts);
			double nuShape = 0;
			double nuScale = 0;
			if (this.spend != null) {
				boolean ownSpend = x > 0 && meanSpend > 0;
				nuShape = this.spend.q() + (ownSpend ? this.spend.p() * x : 0);
				nuScale = 1 / (this.spend.gamma() + (ownSpend ? x * meanSpend : 0));
			}
			// a customer alive at T waits for the first purchase a time with P(τ > s) =
			// ((α + T) / (α + T + s))^(r + x) (Lomax): the chance of any purchase in the
			// horizon is P(alive) × (1 − that at s = h). Draws with a purchase are
			// Bernoulli trials, so the gap to the next one is geometric: a customer who
			// rarely buys costs a few draws, not one per simulated future.
			double noPurchaseIfAlive = Math
				.exp(rateShape * Math.log((model.alpha() + t) / (model.alpha() + t + this.horizon)));
			double anyPurchase = alive * (1 - noPurchaseIfAlive);
			if (!(anyPurchase > 0)) {
				return;
			}
			double logMiss = Math.log1p(-anyPurchase);
			RandomDataGenerator random = this.random;
			int draws = this.draws;
			for (long s = nextHit(-1, logMiss); s < draws; s = nextHit(s, logMiss)) {
				// the first purchase time, conditional on being inside the horizon, by
				// the
				// inverse of the Lomax distribution
				double survival = noPurchaseIfAlive + (1 - noPurchaseIfAlive) * random.nextDouble();
				double time = Math.min(this.horizon, (model.alpha() + t) * (Math.pow(survival, -1 / rateShape) - 1));
				// the rate given that first purchase: Gamma(r + x + 1, α + T + τ)
				double rate = random.nextGamma(rateShape + 1, 1 / (model.alpha() + t + time));
				double dropOut = random.nextBeta(model.a(), dropOutB);
				int count = 0;
				while (time <= this.horizon) {
					count++;
					if (random.nextDouble() < dropOut || !(rate > 0)) {
						break;
					}
					time += random.nextExponential(1 / rate);
				}
				double revenue = (this.spend != null)
						? random.nextGamma(this.spend.p() * count, 1 / random.nextGamma(nuShape, nuScale))
						: count * expectedSpend;
				int draw = (int) s;
				for (int row : rows) {
					purchaseRows[row][draw] += count;
					revenueRows[row][draw] += revenue;
				}
			}
		}

		/**
		 * The next draw with a purchase after draw {@code s}.
		 * @param s the last draw with a purchase, −1 at the start
		 * @param logMiss log of the chance that a draw has no purchase
		 * @return the index of the next one (past the last draw when there is none)
		 */
		private long nextHit(long s, double logMiss) {
			if (logMiss == Double.NEGATIVE_INFINITY) {
				return s + 1;
			}
			double gap = Math.floor(Math.log(1 - this.random.nextDouble()) / logMiss);
			return s + 1 + (long) Math.min(gap, Integer.MAX_VALUE);
		}

	}

}
