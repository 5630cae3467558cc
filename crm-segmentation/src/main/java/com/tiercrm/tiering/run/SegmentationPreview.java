package com.tiercrm.tiering.run;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.insight.DashboardProperties;
import com.tiercrm.tiering.model.CustomerFacts;
import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;

/**
 * Evaluates an edited configuration against the latest facts and the published tiers,
 * without writing anything: fast enough to drive an interactive editor. Facts are read
 * once and kept for a short while, so that a manager trying one cut point after another
 * pays for the order scan only once (the cache {@value #FACTS_CACHE}).
 */
@Service
public class SegmentationPreview {

	static final String FACTS_CACHE = "tiering.preview-facts";

	private final FactsReader facts;

	private final SegmentationRuns runs;

	private final SegmentationProperties properties;

	private final DashboardProperties dashboard;

	private final Cache cachedFacts;

	private final TierModels models;

	SegmentationPreview(FactsReader facts, SegmentationRuns runs, SegmentationProperties properties,
			DashboardProperties dashboard, CacheManager caches, TierModels models) {
		this.models = models;
		this.cachedFacts = Objects.requireNonNull(caches.getCache(FACTS_CACHE));
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
		Segmentation segmentation = new SegmentationEngine(this.models, order).apply(customerFacts, settings, published,
				date);
		// The same figures a run computes, without the satisfaction scores it does not
		// show.
		RunChanges changes = published
			.changesTo(segmentation, order,
					ChurnRule.of(this.models.tierModel(settings), settings, order, this.dashboard.churnThreshold()))
			.orElse(null);
		RunFigures figures = RunFigures.of(segmentation, RunFigures.Satisfaction.none(segmentation.size()), changes);
		RunReport.ClvDiagnostics clv = SegmentationRuns.diagnostics(segmentation.fit());
		return new PreviewResult(date, segmentation.size(), segmentation.tierCounts(), figures.revenueShares(),
				segmentation.abc().counts(), segmentation.rfm().counts(), segmentation.clv().counts(),
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
		FactsKey key = new FactsKey(asOf, windowMonths);
		@SuppressWarnings("unchecked")
		List<CustomerFacts> kept = this.cachedFacts.get(key, List.class);
		if (kept != null) {
			return kept;
		}
		// The cache holds one set of facts: drop the old one before reading the next.
		this.cachedFacts.invalidate();
		List<CustomerFacts> read = this.facts.read(asOf, windowMonths);
		this.cachedFacts.put(key, read);
		return read;
	}

	private record FactsKey(LocalDate asOf, int windowMonths) {

	}

}
