package com.tiercrm.tiering;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.tiercrm.tiering.run.SegmentationProperties;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tiering module's caches, each with its bound and expiry. Caches whose content
 * follows the published run are emptied by their owners on
 * {@link com.tiercrm.tiering.run.RunPublished}.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class TieringCacheConfiguration {

	@Bean
	CacheManagerCustomizer<CaffeineCacheManager> tieringCaches(SegmentationProperties segmentation) {
		return (caches) -> {
			// A finished run's metadata, by run id, for the dashboards; emptied on each
			// publish, after which retention may have deleted old runs.
			caches.registerCustomCache("tiering.runs",
					Caffeine.newBuilder().maximumSize(500).expireAfterAccess(Duration.ofHours(1)).build());
			// The tier names and codes: one entry, read again after each publish.
			caches.registerCustomCache("tiering.tier-labels",
					Caffeine.newBuilder().maximumSize(1).expireAfterWrite(Duration.ofHours(1)).build());
			// The tier model of each configuration version; versions never change.
			caches.registerCustomCache("tiering.tier-models",
					Caffeine.newBuilder().maximumSize(100).expireAfterAccess(Duration.ofHours(1)).build());
			// A preview's facts: up to a million customers' worth of memory. One set at a
			// time (maximumSize 1), kept while a manager keeps trying settings
			// (expireAfterAccess). Caffeine removes expired entries only when the cache
			// is next used, unless it has a scheduler: with one the facts are released
			// when they expire, even if nobody previews again. Weak values would go at
			// the next collection, before the next try; soft values only when the heap
			// runs short, after slowing every collection down.
			caches.registerCustomCache("tiering.preview-facts",
					Caffeine.newBuilder()
						.maximumSize(1)
						.expireAfterAccess(segmentation.previewFactsTtl())
						.scheduler(Scheduler.systemScheduler())
						.build());
		};
	}

}
