package com.tiercrm.tiering.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

/**
 * ABC (Pareto) classification. Customers who bought are ranked by the measured window
 * value, descending, ties broken by customer id ascending (the older id ranks first), so
 * two customers with the same value can fall on both sides of a limit; the rank in the
 * result shows why. In value-share mode a customer is classed by the share held by the
 * customers ranked <em>above</em> it, so the customer who crosses a limit still belongs
 * to the better class. Shares are of the sum of positive values. A buyer whose value is
 * zero or negative is always C; a customer who never completed an order is
 * {@link AbcClass#NO_PURCHASE} and is left out of the population.
 */
public final class AbcModel {

	private final AbcSettings settings;

	/**
	 * Creates the model.
	 * @param settings the settings
	 */
	public AbcModel(AbcSettings settings) {
		this.settings = settings;
	}

	/**
	 * Classifies customers.
	 * @param customers the facts of all customers of the run
	 * @return one result per customer, in the order of {@code customers}
	 */
	public List<AbcResult> classify(List<CustomerFacts> customers) {
		List<AbcResult> list = new ArrayList<>(customers.size());
		classify(customers, (result, i) -> list.add(result));
		return list;
	}

	/**
	 * Classifies the customers and hands each result to {@code sink} with its index, in
	 * input order, without keeping them: for a million customers, the caller decides what
	 * to retain.
	 * @param customers the facts of all customers of the run
	 * @param sink receives each result and the index of its customer
	 */
	public void classify(List<CustomerFacts> customers, ObjIntConsumer<AbcResult> sink) {
		int size = customers.size();
		double[] values = new double[size];
		long[] ids = new long[size];
		for (int i = 0; i < size; i++) {
			values[i] = this.settings.measure().windowValue(customers.get(i));
			ids[i] = customers.get(i).customerId();
		}
		int[] buyers = IntStream.range(0, size).filter((i) -> customers.get(i).hasPurchased()).toArray();
		int[] ranked = Ranking.order(buyers, values, ids);
		int n = ranked.length;
		double positiveTotal = Arrays.stream(ranked).mapToDouble((i) -> Math.max(0, values[i])).sum();
		int aRanks = Ranking.ranksWithin(this.settings.aLimit(), n);
		int bRanks = Ranking.ranksWithin(this.settings.bLimit(), n);
		int[] ranks = new int[size];
		double[] sharesBefore = new double[size];
		double cumulative = 0;
		for (int position = 0; position < n; position++) {
			int i = ranked[position];
			ranks[i] = position + 1;
			sharesBefore[i] = (positiveTotal > 0) ? Math.min(1, cumulative / positiveTotal) : 1;
			cumulative += Math.max(0, values[i]);
		}
		for (int i = 0; i < size; i++) {
			sink.accept((ranks[i] > 0) ? classify(ids[i], values[i], ranks[i], n, sharesBefore[i], aRanks, bRanks)
					: new AbcResult(ids[i], AbcClass.NO_PURCHASE, values[i], 0, 0, Reason.of("abc.reason.no-purchase")),
					i);
		}
	}

	private AbcResult classify(long id, double value, int rank, int n, double shareBefore, int aRanks, int bRanks) {
		if (value <= 0) {
			return new AbcResult(id, AbcClass.C, value, rank, shareBefore, Reason.of("abc.reason.no-value", rank, n));
		}
		double aPercent = percent(this.settings.aLimit());
		double bPercent = percent(this.settings.bLimit());
		if (this.settings.mode() == AbcCutMode.VALUE_SHARE) {
			double sharePercent = 100 * shareBefore;
			if (shareBefore < this.settings.aLimit()) {
				return new AbcResult(id, AbcClass.A, value, rank, shareBefore,
						Reason.of("abc.reason.share.a", rank, n, sharePercent, aPercent));
			}
			if (shareBefore < this.settings.bLimit()) {
				return new AbcResult(id, AbcClass.B, value, rank, shareBefore,
						Reason.of("abc.reason.share.b", rank, n, sharePercent, bPercent));
			}
			return new AbcResult(id, AbcClass.C, value, rank, shareBefore,
					Reason.of("abc.reason.share.c", rank, n, sharePercent, bPercent));
		}
		double rankPercent = 100.0 * rank / n;
		if (rank <= aRanks) {
			return new AbcResult(id, AbcClass.A, value, rank, shareBefore,
					Reason.of("abc.reason.count.a", rank, n, rankPercent, aPercent));
		}
		if (rank <= bRanks) {
			return new AbcResult(id, AbcClass.B, value, rank, shareBefore,
					Reason.of("abc.reason.count.b", rank, n, rankPercent, bPercent));
		}
		return new AbcResult(id, AbcClass.C, value, rank, shareBefore,
				Reason.of("abc.reason.count.c", rank, n, rankPercent, bPercent));
	}

	private static double percent(double fraction) {
		return Math.round(fraction * 10000) / 100.0;
	}

}
