package com.tiercrm.tiering;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.tiercrm.customer.ReferenceData;
import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.database.ReplicaReads;
import com.tiercrm.database.InstanceCache;
import com.tiercrm.database.SharedCacheChanged;
import com.tiercrm.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Two instances' {@link SharedCaches} on one PostgreSQL: a cache kept outside the cache
 * manager (the reference data) is emptied on the other instance when one announces a
 * change.
 */
class SharedCachesPostgresTests {

	@Test
	void aReferenceDataChangeOnOneInstanceEmptiesTheCopyOfTheOther() {
		PostgresTestDatabase.Connection db = PostgresTestDatabase.connection();
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), db.url(),
				db.username(), db.password());
		DatabaseDialect postgres = mock(DatabaseDialect.class);
		given(postgres.isPostgres()).willReturn(true);
		CountedCache referenceDataOfB = new CountedCache(ReferenceData.CACHE);
		CountedCache otherOfB = new CountedCache("other");
		SharedCaches a = new SharedCaches(new CaffeineCacheManager(), dataSource, postgres, caches(),
				new ReplicaReads());
		SharedCaches b = new SharedCaches(new CaffeineCacheManager(), dataSource, postgres,
				caches(referenceDataOfB, otherOfB), new ReplicaReads());
		a.start();
		b.start();
		try {
			// Sent until B listens: a message before its LISTEN is not for it.
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				a.changed(new SharedCacheChanged(ReferenceData.CACHE));
				assertThat(referenceDataOfB.cleared).hasPositiveValue();
			});
			assertThat(otherOfB.cleared).as("another cache").hasValue(0);
		}
		finally {
			a.stop();
			b.stop();
		}
	}

	private static ObjectProvider<InstanceCache> caches(InstanceCache... caches) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		for (InstanceCache cache : caches) {
			beans.addBean(cache.cacheName(), cache);
		}
		return beans.getBeanProvider(InstanceCache.class);
	}

	private record CountedCache(String cacheName, AtomicInteger cleared) implements InstanceCache {

		CountedCache(String cacheName) {
			this(cacheName, new AtomicInteger());
		}

		@Override
		public void clear() {
			this.cleared.incrementAndGet();
		}

	}

}
