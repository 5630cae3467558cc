package com.tiercrm.tiering;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.tiercrm.account.AccessScope;
import com.tiercrm.tiering.config.SegmentationSettings;
import com.tiercrm.tiering.insight.RunDashboards;
import com.tiercrm.tiering.list.TierLabels;
import com.tiercrm.tiering.run.RunPublished;
import com.tiercrm.tiering.run.RunRequest;
import com.tiercrm.tiering.run.RunStatus;
import com.tiercrm.tiering.run.RunTrigger;
import com.tiercrm.tiering.run.SegmentationPreview;
import com.tiercrm.tiering.run.SegmentationRun;
import com.tiercrm.tiering.run.SegmentationRuns;
import com.tiercrm.tiering.run.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tiering caches: what follows the published run is forgotten when a run is
 * published, and a preview's facts are released when they expire.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:caches;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
		"spring.jpa.hibernate.ddl-auto=validate", "tiercrm.segmentation.preview-facts-ttl=1s" })
class TieringCachesTests {

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	@Autowired
	SegmentationRuns runs;

	@Autowired
	RunDashboards dashboards;

	@Autowired
	TierLabels labels;

	@Autowired
	SegmentationPreview preview;

	@Autowired
	CacheManager caches;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void createCustomers() {
		TestData data = new TestData(this.jdbc);
		data.clear();
		data.customers(List.of("K01", "K02", "K03"));
		data.order("K01-1", "K01", AS_OF.minusDays(10), 900, 200, "COMPLETED");
		data.order("K02-1", "K02", AS_OF.minusDays(20), 300, 60, "COMPLETED");
		data.order("K03-1", "K03", AS_OF.minusDays(30), 100, 20, "COMPLETED");
	}

	@Test
	void runsAndLabelsAreForgottenWhenARunIsPublished() {
		SegmentationRun run = this.runs.runNow(new RunRequest(AS_OF, null, RunTrigger.MANUAL, null));
		assertThat(run.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
		long runId = Objects.requireNonNull(run.getId());
		assertThat(this.dashboards.published(AccessScope.all(1), 50)).isPresent();
		assertThat(this.labels.label("ABC:A", Locale.ENGLISH)).isNotBlank();
		Cache runMetadata = cache("tiering.runs");
		Cache tierLabels = cache("tiering.tier-labels");
		assertThat(runMetadata.get(runId)).isNotNull();
		assertThat(tierLabels.get(SimpleKey.EMPTY)).isNotNull();

		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new RunPublished(runId, AS_OF, 3)));

		assertThat(runMetadata.get(runId)).isNull();
		assertThat(tierLabels.get(SimpleKey.EMPTY)).isNull();
	}

	@Test
	void previewFactsAreReleasedWhenTheyExpire() {
		this.preview.preview(SegmentationSettings.defaults(), AS_OF);
		com.github.benmanes.caffeine.cache.Cache<Object, Object> facts = ((CaffeineCache) cache(
				"tiering.preview-facts"))
			.getNativeCache();
		assertThat(facts.estimatedSize()).isOne();
		WeakReference<Object> kept = new WeakReference<>(facts.asMap().values().iterator().next());
		assertThat(kept.get()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(3);

		// Nobody uses the cache again: the entry goes at expiry all the same.
		await().atMost(Duration.ofSeconds(10)).until(() -> facts.estimatedSize() == 0);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			System.gc();
			assertThat(kept.get()).isNull();
		});
	}

	private Cache cache(String name) {
		Cache cache = this.caches.getCache(name);
		assertThat(cache).isNotNull();
		return cache;
	}

}
