package com.tiercrm.tiering.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.insight.OwnerFigures;
import org.jspecify.annotations.Nullable;

/**
 * A run's figures per owner ({@link OwnerFigures}), added up in one pass over what the
 * run holds in memory instead of over its rows in the database: the same groups and sums
 * as {@link OwnerFigures}' set-based statements, which rewrite the owners whose customers
 * move.
 */
final class OwnerFiguresPass {

	private static final int BANDS = 1000;

	private OwnerFiguresPass() {
	}

	/**
	 * @param segmentation the run's customers and results
	 * @param previousTiers each customer's tier in the previous run ({@code null} for one
	 * who was not in it), or {@code null} when there was no previous run
	 * @param customerIds the customers who have an owner, in ascending order
	 * @param ownerIds each one's owner
	 */
	static OwnerFigures.Figures compute(Segmentation segmentation, @Nullable String @Nullable [] previousTiers,
			long[] customerIds, long[] ownerIds) {
		RfmResults rfm = segmentation.rfm();
		double[] clv = segmentation.clv().predicted;
		Map<Key, Sum> groups = new HashMap<>();
		// Each owner's customers, by position in the segmentation, for the bands.
		Map<Long, int[]> owned = new HashMap<>();
		Map<Long, int[]> ownedCount = new HashMap<>();
		RunAggregator.CustomerIndex index = new RunAggregator.CustomerIndex(segmentation.customerIds);
		int[] positions = new int[customerIds.length];
		for (int k = 0; k < customerIds.length; k++) {
			int i = index.of(customerIds[k]);
			positions[k] = i;
			if (i < 0) {
				// Not in the run (merged, or new since its facts were read).
				continue;
			}
			Key key = new Key(ownerIds[k], segmentation.tiers[i], rfm.classCode(i), rfm.recencyScore[i],
					rfm.frequencyScore[i], (previousTiers != null) ? previousTiers[i] : null);
			Sum sum = groups.get(key);
			if (sum == null) {
				sum = new Sum();
				groups.put(key, sum);
			}
			double revenue = segmentation.totalRevenue[i];
			sum.customers++;
			sum.revenue += revenue;
			sum.profit += segmentation.totalGrossProfit[i];
			sum.clv += clv[i];
			if (rfm.frequency[i] >= 1) {
				sum.buyers++;
				sum.buyerRevenue += revenue;
			}
			if (rfm.frequency[i] >= 2) {
				sum.repeatBuyers++;
			}
			ownedCount.computeIfAbsent(ownerIds[k], (owner) -> new int[1])[0]++;
		}
		List<OwnerFigures.Row> rows = new ArrayList<>(groups.size());
		groups.forEach((key,
				sum) -> rows.add(new OwnerFigures.Row(key.owner(), key.tier(), key.segment(), key.r(), key.f(),
						key.previous(), sum.customers, sum.revenue, sum.profit, sum.clv, sum.buyers, sum.repeatBuyers,
						sum.buyerRevenue)));
		ownedCount.forEach((owner, count) -> owned.put(owner, new int[count[0] + 1]));
		for (int k = 0; k < customerIds.length; k++) {
			if (positions[k] >= 0) {
				int[] list = owned.get(ownerIds[k]);
				list[++list[0]] = positions[k];
			}
		}
		return new OwnerFigures.Figures(rows, bands(segmentation.totalRevenue, owned));
	}

	/**
	 * Each owner's customers ranked by revenue, largest first (rank r from 1), in band
	 * {@code ceil(1000 r / n)} of the owner's n customers, as V54 defines them.
	 */
	private static List<OwnerFigures.Band> bands(double[] revenue, Map<Long, int[]> owned) {
		List<OwnerFigures.Band> bands = new ArrayList<>(owned.size() * BANDS);
		owned.forEach((owner, list) -> {
			int n = list[0];
			double[] values = new double[n];
			for (int j = 0; j < n; j++) {
				values[j] = revenue[list[j + 1]];
			}
			Arrays.sort(values);
			int band = 0;
			long customers = 0;
			double sum = 0;
			for (long rank = 1; rank <= n; rank++) {
				int bandOfRank = (int) ((BANDS * rank + n - 1) / n);
				if (bandOfRank != band && customers > 0) {
					bands.add(new OwnerFigures.Band(owner, band, customers, sum));
					customers = 0;
					sum = 0;
				}
				band = bandOfRank;
				customers++;
				sum += values[n - (int) rank];
			}
			if (customers > 0) {
				bands.add(new OwnerFigures.Band(owner, band, customers, sum));
			}
		});
		return bands;
	}

	private record Key(long owner, String tier, String segment, int r, int f, @Nullable String previous) {

	}

	private static final class Sum {

		long customers;

		double revenue;

		double profit;

		double clv;

		long buyers;

		long repeatBuyers;

		double buyerRevenue;

	}

}
