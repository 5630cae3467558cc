package com.tiercrm.tiering.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.insight.DashboardProperties;
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

	private final DashboardProperties dashboard;

	private volatile @Nullable CachedFacts cached;

	SegmentationPreview(FactsReader facts, SegmentationRuns runs, SegmentationProperties properties,
			DashboardProperties dashboard) {
		this.facts = facts;
		this.dashboard = dashboard;
		this.runs = runs;
		this.properties = properties;
	}

	public PreviewResult preview(SegmentationSettings settings, @Nullable LocalDate asOf) {
		long started = System.nanoTime();
		LocalDate date = (asOf != null) ? asOf : LocalDate.now(this.properties.zone());
		List<CustomerFacts> customerFacts = facts(date, settings.abcWindowMonths());
		PreviousTiers published = this.runs.previousTiers();
		TierOrder order = this.runs.tierOrder();
		Segmentation segmentation = new SegmentationEngine(order).apply(customerFacts, settings, published);
		// The same figures a run computes, without the satisfaction scores it does not
		// show.
		RunChanges changes = published
			.changesTo(segmentation, order, ChurnRule.of(settings, order, this.dashboard.churnThreshold()))
			.orElse(null);
		RunFigures figures = RunFigures.of(segmentation, RunFigures.Satisfaction.none(segmentation.size()), changes);
		RunReport.ClvDiagnostics clv = SegmentationRuns.diagnostics(segmentation.fit);
		return new PreviewResult(date, segmentation.size(), segmentation.tierCounts(), figures.revenueShares(),
				segmentation.abcCounts(), segmentation.rfmCounts(), segmentation.clvCounts(),
				(changes != null) ? changes.migration() : allNew(segmentation), clv,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Before the first run, every customer is new.
	 */
	private static Map<String, Map<String, Long>> allNew(Segmentation segmentation) {
		TierMigration migration = new TierMigration();
		for (String tier : segmentation.tiers) {
			migration.add(null, tier);
		}
		return migration.matrix(Map.of());
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
