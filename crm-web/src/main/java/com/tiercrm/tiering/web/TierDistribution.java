package com.tiercrm.tiering.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tiercrm.tiering.run.PreviewResult;
import com.tiercrm.tiering.run.TierOrder;
import org.jspecify.annotations.Nullable;

/**
 * What the threshold editor shows of a preview: customers and revenue share per tier next
 * to the published counts, and the migration matrix from the published tiers, in tier
 * rank order.
 *
 * @param customers customers evaluated
 * @param millis how long the preview took
 * @param rows one row per tier that either side has
 * @param sources the published tiers of the matrix rows ({@code NEW} last)
 * @param targets the previewed tiers of the matrix columns
 * @param migration published tier → previewed tier → customers
 */
record TierDistribution(int customers, long millis, List<Row> rows, List<String> sources, List<String> targets,
		Map<String, Map<String, Long>> migration) {

	static final String NEW = "NEW";

	static TierDistribution of(PreviewResult preview, Map<String, Long> published, TierOrder order) {
		Comparator<String> byRank = order.bestFirst();
		Set<String> codes = new LinkedHashSet<>(preview.tiers().keySet());
		codes.addAll(published.keySet());
		List<String> ordered = codes.stream().sorted(byRank).toList();
		long publishedTotal = published.values().stream().mapToLong(Long::longValue).sum();
		List<Row> rows = new ArrayList<>();
		for (String code : ordered) {
			long count = preview.tiers().getOrDefault(code, 0L);
			long before = published.getOrDefault(code, 0L);
			rows.add(new Row(code, before, share(before, publishedTotal), count, share(count, preview.customers()),
					100 * preview.revenueShares().getOrDefault(code, 0.0)));
		}
		List<String> sources = preview.migration()
			.keySet()
			.stream()
			.sorted(Comparator.comparing((String code) -> NEW.equals(code)).thenComparing(byRank))
			.toList();
		List<String> targets = preview.tiers().keySet().stream().sorted(byRank).toList();
		return new TierDistribution(preview.customers(), preview.millis(), rows, sources, targets, preview.migration());
	}

	public long moved(String from, String to) {
		Map<String, Long> row = this.migration.get(from);
		@Nullable Long count = (row != null) ? row.get(to) : null;
		return (count != null) ? count : 0;
	}

	private static double share(long count, long total) {
		return (total > 0) ? 100.0 * count / total : 0;
	}

	/**
	 * One tier: published and previewed customers with their shares in percent, and the
	 * previewed share of revenue in percent.
	 */
	record Row(String tier, long published, double publishedPercent, long customers, double percent,
			double revenuePercent) {

		public long change() {
			return this.customers - this.published;
		}

	}

}
