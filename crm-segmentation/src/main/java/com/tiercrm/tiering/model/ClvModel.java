package com.tiercrm.tiering.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * Customer lifetime value. The historical value is the configured total to date. The
 * predicted value over the horizon follows lifetimes' discounted formula:
 * {@code Σ_{m=1..H} E[spend] × margin × (E[Y(m·u)] − E[Y((m−1)·u)]) / (1 + d)^m}, with
 * {@code u} time units per month, E[Y] from BG/NBD and E[spend] from Gamma-Gamma, both
 * fitted here by maximum likelihood on the customers who bought (or MBG/NBD in place of
 * BG/NBD, as configured). When Gamma-Gamma alone cannot be fitted, the purchase model is
 * kept and E[spend] is the customer's own mean repeat spend (the repeat buyers' mean for
 * a one-time buyer), labelled as such. Only when there are too few customers or repeat
 * buyers, or the purchase model itself cannot be fitted, every customer gets the plainly
 * labelled simple formula instead, and the fit says why. Classes are by rank of predicted
 * value (descending, then customer id ascending): the first {@code ceil(highShare × n)}
 * are HIGH, up to {@code ceil((highShare + mediumShare) × n)} MEDIUM, the rest LOW; a
 * predicted value of zero is always LOW.
 */
public final class ClvModel {

	private static final double DAYS_PER_MONTH = 30;

	private final ClvSettings settings;

	/**
	 * Creates the model.
	 * @param settings the settings
	 */
	public ClvModel(ClvSettings settings) {
		this.settings = settings;
	}

	/**
	 * Fits and scores in one go.
	 * @param customers the facts of all customers of the run
	 * @return the fit and one result per customer, in input order
	 */
	public ClvRun run(List<CustomerFacts> customers) {
		ClvFit fit = fit(customers);
		return new ClvRun(fit, score(customers, fit));
	}

	/**
	 * Fits BG/NBD and Gamma-Gamma to the customers who bought, or decides on the
	 * fallback.
	 * @param customers the facts
	 * @return the fit with its diagnostics
	 */
	public ClvFit fit(List<CustomerFacts> customers) {
		ClvTimeUnit unit = this.settings.timeUnit();
		Histories histories = Histories.of(customers);
		int n = histories.x().length;
		int repeatBuyers = histories.repeatBuyers();
		if (n < this.settings.minCustomers()) {
			return fallback(n, repeatBuyers, 0, 0, 0,
					Reason.of("clv.fallback.too-few-customers", n, this.settings.minCustomers()));
		}
		if (repeatBuyers < this.settings.minRepeatBuyers()) {
			return fallback(n, repeatBuyers, 0, 0, 0,
					Reason.of("clv.fallback.too-few-repeat-buyers", repeatBuyers, this.settings.minRepeatBuyers()));
		}
		BgNbdData data = BgNbdData.ofDays(histories.x(), histories.txDays(), histories.tDays(), unit.days());
		ClvPurchaseModel model = this.settings.purchaseModel();
		BgNbdFit bgNbd = BgNbdFitter.fit(data, model);
		BgNbdParameters purchases = bgNbd.parameters();
		if (purchases == null) {
			return fallback(n, repeatBuyers, data.rows(), bgNbd.iterations(), 0,
					Reason.of("clv.fallback.bg-nbd-failed", bgNbd.iterations()));
		}
		GammaGammaFit gammaGamma = GammaGammaFitter.fit(histories.x(), histories.meanSpend());
		GammaGammaParameters spend = gammaGamma.parameters();
		@Nullable Reason spendFallback = null;
		if (spend == null) {
			spendFallback = Reason.of("clv.fallback.gamma-gamma-failed", gammaGamma.iterations());
		}
		else if (spend.q() <= 1) {
			spendFallback = Reason.of("clv.fallback.gamma-gamma-infinite-mean", spend.q());
		}
		double nan = Double.NaN;
		boolean spendUsed = spendFallback == null;
		return new ClvFit(purchases.r(), purchases.alpha(), purchases.a(), purchases.b(), spendUsed ? spend.p() : nan,
				spendUsed ? spend.q() : nan, spendUsed ? spend.gamma() : nan, bgNbd.logLikelihood(),
				spendUsed ? gammaGamma.logLikelihood() : nan, unit, bgNbd.iterations(), gammaGamma.iterations(),
				spendUsed, n, repeatBuyers, data.rows(), false, null, model, spendFallback);
	}

	private ClvFit fallback(int customers, int repeatBuyers, int rows, int bgNbdIterations, int gammaGammaIterations,
			Reason reason) {
		double nan = Double.NaN;
		return new ClvFit(nan, nan, nan, nan, nan, nan, nan, nan, nan, this.settings.timeUnit(), bgNbdIterations,
				gammaGammaIterations, false, customers, repeatBuyers, rows, true, reason, this.settings.purchaseModel(),
				null);
	}

	/**
	 * Predicts and classes every customer with a fit.
	 * @param customers the facts
	 * @param fit a fit of these or comparable customers
	 * @return one result per customer, in input order
	 */
	public List<ClvResult> score(List<CustomerFacts> customers, ClvFit fit) {
		List<ClvResult> list = new ArrayList<>(customers.size());
		score(customers, fit, (result, i) -> list.add(result));
		return list;
	}

	/**
	 * Scores the customers and hands each result to {@code sink} with its index, in input
	 * order, without keeping them.
	 * @param customers the facts
	 * @param fit a fit of these or comparable customers
	 * @param sink receives each result and the index of its customer
	 */
	public void score(List<CustomerFacts> customers, ClvFit fit, ObjIntConsumer<ClvResult> sink) {
		score(customers, fit, Double.NaN, sink);
	}

	/**
	 * Scores customers a run did not see as that run scored its own: without Gamma-Gamma,
	 * a one-time buyer's expected spend is the mean repeat spend of the run's repeat
	 * buyers, not of the customers given.
	 * @param customers the facts
	 * @param fit the run's fit
	 * @param repeatBuyersMeanSpend the run's mean of the repeat buyers' mean repeat spend
	 * @return one result per customer, in input order
	 */
	public List<ClvResult> score(List<CustomerFacts> customers, ClvFit fit, double repeatBuyersMeanSpend) {
		List<ClvResult> list = new ArrayList<>(customers.size());
		score(customers, fit, repeatBuyersMeanSpend, (result, i) -> list.add(result));
		return list;
	}

	private void score(List<CustomerFacts> customers, ClvFit fit, double repeatBuyersMeanSpend,
			ObjIntConsumer<ClvResult> sink) {
		int size = customers.size();
		double[] predicted = new double[size];
		double[] alive = new double[size];
		double[] purchases = new double[size];
		double[] spend = new double[size];
		long[] ids = new long[size];
		ClvMethod[] methods = new ClvMethod[size];
		@Nullable PurchasesIfAlive ifAlive = fit.fallbackUsed() ? null
				: new PurchasesIfAlive(customers, fit, this.settings, repeatBuyersMeanSpend);
		double unitDays = fit.timeUnit().days();
		ClvMethod method = ClvMethod.of(fit.purchaseModel(), fit.spendFitted());
		for (int i = 0; i < size; i++) {
			CustomerFacts facts = customers.get(i);
			ids[i] = facts.customerId();
			if (!facts.hasPurchased()) {
				methods[i] = ClvMethod.NONE;
				continue;
			}
			if (ifAlive != null && ifAlive.isFinite(i)) {
				int x = facts.repeatPurchaseDays();
				double pAlive = ifAlive.parameters.probabilityAlive(x, facts.daysFirstToLastPurchase() / unitDays,
						facts.daysFirstPurchaseToAsOf() / unitDays);
				double meanSpend = (x > 0) ? facts.repeatDaysSpend() / x : 0;
				double expectedSpend = (ifAlive.spend != null) ? ifAlive.spend.conditionalExpectedSpend(x, meanSpend)
						: (x > 0 && meanSpend > 0) ? meanSpend : ifAlive.populationMeanSpend;
				methods[i] = method;
				alive[i] = pAlive;
				purchases[i] = pAlive * ifAlive.undiscounted(i);
				spend[i] = expectedSpend;
				predicted[i] = this.settings.margin() * expectedSpend * pAlive * ifAlive.discounted(i);
				continue;
			}
			double averageOrderValue = facts.totalRevenue() / facts.completedOrders();
			double ordersPerMonth = facts.completedOrders()
					/ Math.max(1, facts.daysFirstPurchaseToAsOf() / DAYS_PER_MONTH);
			methods[i] = ClvMethod.SIMPLE;
			alive[i] = Double.NaN;
			purchases[i] = ordersPerMonth * this.settings.fallbackLifetimeMonths();
			spend[i] = averageOrderValue;
			predicted[i] = Math.max(0, averageOrderValue * purchases[i] * this.settings.margin());
		}
		int[] buyers = IntStream.range(0, size).filter((i) -> methods[i] != ClvMethod.NONE).toArray();
		int[] ranked = Ranking.order(buyers, predicted, ids);
		int n = ranked.length;
		int highRanks = Ranking.ranksWithin(this.settings.highShare(), n);
		int mediumRanks = Ranking.ranksWithin(this.settings.highShare() + this.settings.mediumShare(), n);
		int[] ranks = new int[size];
		for (int position = 0; position < n; position++) {
			ranks[ranked[position]] = position + 1;
		}
		for (int i = 0; i < size; i++) {
			CustomerFacts facts = customers.get(i);
			double historical = this.settings.historicalMeasure().totalValue(facts);
			if (methods[i] == ClvMethod.NONE) {
				sink.accept(new ClvResult(facts.customerId(), historical, 0, ClvMethod.NONE, Double.NaN, 0, 0, 0,
						ClvClass.NO_PURCHASE, Reason.of("clv.reason.no-purchase")), i);
				continue;
			}
			int rank = ranks[i];
			ClvClass clvClass = (predicted[i] <= 0 || rank > mediumRanks) ? ClvClass.LOW
					: (rank <= highRanks) ? ClvClass.HIGH : ClvClass.MEDIUM;
			Reason reason = methods[i].purchaseModelFitted()
					? Reason.of(reasonKey(methods[i], facts.purchaseDays() == 1), predicted[i], rank, n, purchases[i],
							this.settings.horizonMonths(), 100 * alive[i], spend[i], facts.daysFirstPurchaseToAsOf())
					: Reason.of("clv.reason.simple", predicted[i], rank, n, spend[i],
							purchases[i] / this.settings.fallbackLifetimeMonths(),
							this.settings.fallbackLifetimeMonths(), 100 * this.settings.margin());
			sink.accept(new ClvResult(facts.customerId(), historical, predicted[i], methods[i], alive[i], purchases[i],
					spend[i], rank, clvClass, reason), i);
		}
	}

	/**
	 * The reason names the purchase model and whether the spend part was simplified; for
	 * a one-time buyer it also explains in words what P(alive) means under that model.
	 */
	private static String reasonKey(ClvMethod method, boolean oneTimeBuyer) {
		String key = switch (method) {
			case MBG_NBD_GAMMA_GAMMA -> "clv.reason.model-mbg";
			case BG_NBD_OWN_SPEND -> "clv.reason.model-own-spend";
			case MBG_NBD_OWN_SPEND -> "clv.reason.model-mbg-own-spend";
			default -> "clv.reason.model";
		};
		return oneTimeBuyer ? key + "-one-time" : key;
	}

	/**
	 * The BG/NBD and Gamma-Gamma inputs of the customers who bought, in days.
	 *
	 * @param x repeat purchase days
	 * @param txDays days from the first to the last purchase day
	 * @param tDays days from the first purchase day to the as-of date
	 * @param meanSpend mean spend of the repeat purchase days (0 without any)
	 * @param repeatBuyers customers with a repeat purchase day and positive mean spend
	 */
	record Histories(int[] x, int[] txDays, int[] tDays, double[] meanSpend, int repeatBuyers) {

		static Histories of(List<CustomerFacts> customers) {
			int n = 0;
			for (CustomerFacts facts : customers) {
				n += facts.hasPurchased() ? 1 : 0;
			}
			int[] x = new int[n];
			int[] tx = new int[n];
			int[] t = new int[n];
			double[] meanSpend = new double[n];
			int repeatBuyers = 0;
			int i = 0;
			for (CustomerFacts facts : customers) {
				if (!facts.hasPurchased()) {
					continue;
				}
				x[i] = facts.repeatPurchaseDays();
				tx[i] = facts.daysFirstToLastPurchase();
				t[i] = facts.daysFirstPurchaseToAsOf();
				meanSpend[i] = (x[i] > 0) ? facts.repeatDaysSpend() / x[i] : 0;
				repeatBuyers += (x[i] > 0 && meanSpend[i] > 0) ? 1 : 0;
				i++;
			}
			return new Histories(x, tx, t, meanSpend, repeatBuyers);
		}

	}

	/**
	 * The per-customer factors of a customer who is alive, computed once per distinct (x,
	 * T): they do not depend on t_x.
	 */
	private static final class PurchasesIfAlive {

		private final BgNbdParameters parameters;

		private final @Nullable GammaGammaParameters spend;

		/** The mean of the repeat buyers' mean repeat spend, for one-time buyers. */
		private final double populationMeanSpend;

		private final int[] keyIndex;

		private final double[][] values;

		PurchasesIfAlive(List<CustomerFacts> customers, ClvFit fit, ClvSettings settings, double givenMeanSpend) {
			this.parameters = fit.bgNbd();
			this.spend = fit.spendFitted() ? fit.gammaGamma() : null;
			int size = customers.size();
			double spendSum = 0;
			int repeatBuyers = 0;
			for (CustomerFacts facts : customers) {
				int x = facts.repeatPurchaseDays();
				if (facts.hasPurchased() && x > 0 && facts.repeatDaysSpend() > 0) {
					spendSum += facts.repeatDaysSpend() / x;
					repeatBuyers++;
				}
			}
			this.populationMeanSpend = !Double.isNaN(givenMeanSpend) ? givenMeanSpend
					: (repeatBuyers > 0) ? spendSum / repeatBuyers : 0;
			long[] keys = new long[size];
			for (int i = 0; i < size; i++) {
				CustomerFacts facts = customers.get(i);
				keys[i] = ((long) facts.repeatPurchaseDays() << 32) | facts.daysFirstPurchaseToAsOf();
			}
			long[] distinct = keys.clone();
			Arrays.sort(distinct);
			int count = 0;
			for (int i = 0; i < size; i++) {
				if (i == 0 || distinct[i] != distinct[count - 1]) {
					distinct[count++] = distinct[i];
				}
			}
			distinct = Arrays.copyOf(distinct, count);
			this.values = new double[distinct.length][];
			double unitDays = fit.timeUnit().days();
			for (int k = 0; k < distinct.length; k++) {
				this.values[k] = discountedPurchasesIfAlive(this.parameters, (int) (distinct[k] >>> 32),
						(int) distinct[k] / unitDays, settings.horizonMonths(), fit.timeUnit().perMonth(),
						settings.monthlyDiscountRate());
			}
			this.keyIndex = new int[size];
			for (int i = 0; i < size; i++) {
				this.keyIndex[i] = Arrays.binarySearch(distinct, keys[i]);
			}
		}

		boolean isFinite(int i) {
			double[] pair = this.values[this.keyIndex[i]];
			return Double.isFinite(pair[0]) && Double.isFinite(pair[1]);
		}

		double discounted(int i) {
			return this.values[this.keyIndex[i]][0];
		}

		double undiscounted(int i) {
			return this.values[this.keyIndex[i]][1];
		}

	}

	/**
	 * For a customer who is alive: the discounted sum of expected purchases per month
	 * over the horizon, and the undiscounted expected purchases over the horizon. Both
	 * depend on x and T only, not on t_x, so they are shared by many customers.
	 * @param parameters BG/NBD parameters
	 * @param x repeat purchases
	 * @param t length of observation in time units
	 * @param months horizon in months
	 * @param unitsPerMonth time units per month
	 * @param monthlyRate discount rate per month
	 * @return {@code {discounted, undiscounted}}, NaN where a series did not converge
	 */
	static double[] discountedPurchasesIfAlive(BgNbdParameters parameters, int x, double t, int months,
			double unitsPerMonth, double monthlyRate) {
		double previous = 0;
		double discounted = 0;
		double factor = 1;
		for (int m = 1; m <= months; m++) {
			double current = parameters.expectedPurchasesIfAlive(m * unitsPerMonth, x, t);
			factor /= (1 + monthlyRate);
			discounted += (current - previous) * factor;
			previous = current;
		}
		return new double[] { discounted, previous };
	}

}
