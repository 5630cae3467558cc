package com.tiercrm.tiering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.model.CustomerFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Evaluates an edited configuration against the latest facts and the published tiers,
 * without writing anything: fast enough to drive an interactive editor. Facts are read
 * once and kept for a short while, so that a manager trying one cut point after another
 * pays for the order scan only once.
 */
@Service
public class SegmentationPreview {

	static final Duration FACTS_TTL = Duration.ofMinutes(5);

	private final FactsReader facts;

	private final SegmentationRuns runs;

	private final SegmentationProperties properties;

	private volatile @Nullable CachedFacts cached;

	SegmentationPreview(FactsReader facts, SegmentationRuns runs, SegmentationProperties properties) {
		this.facts = facts;
		this.runs = runs;
		this.properties = properties;
	}

	public PreviewResult preview(SegmentationSettings settings, @Nullable LocalDate asOf) {
		long started = System.nanoTime();
		LocalDate date = (asOf != null) ? asOf : LocalDate.now(this.properties.zone());
		List<CustomerFacts> customerFacts = facts(date, settings.abcWindowMonths());
		PreviousTiers published = this.runs.previousTiers();
		Segmentation segmentation = new SegmentationEngine(this.runs.tierRanks()).apply(customerFacts, settings,
				published);
		Map<String, Double> revenue = new LinkedHashMap<>();
		Map<String, Map<String, Long>> migration = new LinkedHashMap<>();
		double total = 0;
		for (int i = 0; i < segmentation.size(); i++) {
			String tier = segmentation.tiers[i];
			revenue.merge(tier, segmentation.totalRevenue[i], Double::sum);
			total += segmentation.totalRevenue[i];
			String before = published.tier(segmentation.customerIds[i]);
			migration.computeIfAbsent((before != null) ? before : "NEW", (key) -> new LinkedHashMap<>())
				.merge(tier, 1L, Long::sum);
		}
		double sum = total;
		revenue.replaceAll((tier, value) -> (sum > 0) ? value / sum : 0);
		RunReport.ClvDiagnostics clv = SegmentationRuns.diagnostics(segmentation.fit);
		return new PreviewResult(date, segmentation.size(), segmentation.tierCounts(), revenue,
				segmentation.abcCounts(), segmentation.rfmCounts(), segmentation.clvCounts(), migration, clv,
				(System.nanoTime() - started) / 1_000_000);
	}

	private List<CustomerFacts> facts(LocalDate asOf, int windowMonths) {
		CachedFacts current = this.cached;
		if (current != null && current.asOf().equals(asOf) && current.windowMonths() == windowMonths
				&& current.readAt().plus(FACTS_TTL).isAfter(Instant.now())) {
			return current.facts();
		}
		List<CustomerFacts> read = this.facts.read(asOf, windowMonths);
		this.cached = new CachedFacts(asOf, windowMonths, Instant.now(), read);
		return read;
	}

	private record CachedFacts(LocalDate asOf, int windowMonths, Instant readAt, List<CustomerFacts> facts) {

	}

}
