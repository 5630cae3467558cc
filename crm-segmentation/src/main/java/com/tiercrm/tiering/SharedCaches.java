package com.tiercrm.tiering;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import com.tiercrm.database.DatabaseDialect;
import com.tiercrm.database.InstanceCache;
import com.tiercrm.database.ReplicaReads;
import com.tiercrm.database.SharedCacheChanged;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Caches whose content follows the database (the tier names, the runs' metadata, the
 * reference data), emptied in every instance when it changes. On PostgreSQL an instance
 * that changes one tells the others with {@code NOTIFY} (delivered when its transaction
 * commits, so never before the change is visible), and each instance listens on a
 * connection of its own. After losing that connection an instance empties the caches,
 * since it may have missed a message. The embedded H2 serves one instance, which only
 * empties its own. With a read replica, an emptied cache is filled again from the primary
 * until the replica has replayed the change ({@link ReplicaReads#requireCaughtUpTo}), so
 * that it does not keep the old value.
 */
@Component
public class SharedCaches implements SmartLifecycle {

	static final String CHANNEL = "tiercrm_caches";

	private static final Log logger = LogFactory.getLog(SharedCaches.class);

	/** How long to wait before connecting again after a failure. */
	private static final Duration WAIT = Duration.ofSeconds(5);

	/** How long one wait for messages blocks, and so how long stopping can take. */
	private static final Duration POLL = Duration.ofSeconds(1);

	private final CacheManager caches;

	private final DataSource dataSource;

	private final DatabaseDialect dialect;

	private final JdbcTemplate jdbc;

	private final ReplicaReads replicaReads;

	/** Who this instance is in its messages, to ignore its own. */
	private final String instance = UUID.randomUUID().toString();

	private volatile boolean running;

	private volatile @Nullable Thread listener;

	/** The caches kept outside the cache manager (reference data). */
	private final ObjectProvider<InstanceCache> instanceCaches;

	SharedCaches(CacheManager caches, DataSource dataSource, DatabaseDialect dialect,
			ObjectProvider<InstanceCache> instanceCaches, ReplicaReads replicaReads) {
		this.caches = caches;
		this.instanceCaches = instanceCaches;
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.jdbc = new JdbcTemplate(dataSource);
		this.replicaReads = replicaReads;
	}

	/**
	 * Empties a cache here and, on PostgreSQL, in the other instances: at the commit of
	 * the caller's transaction, or at once without one.
	 * @param name the cache's name
	 */
	public void changed(String name) {
		clear(name);
		if (this.replicaReads.configured() && TransactionSynchronizationManager.isSynchronizationActive()) {
			// Emptied before the change commits: a read in between may have filled it
			// again with the old value, from the primary or a replica.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					clear(name);
				}

			});
		}
		if (this.dialect.isPostgres()) {
			this.jdbc.query("select pg_notify(?, ?)", (rs) -> {
			}, CHANNEL, this.instance + "|" + name);
		}
	}

	/**
	 * Empties a cache that a module below this one changed, here and in the others, once
	 * the change is committed.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void changed(SharedCacheChanged changed) {
		changed(changed.cacheName());
	}

	private void clear(String name) {
		this.replicaReads.requireCaughtUpTo(Instant.now());
		Cache cache = this.caches.getCache(name);
		if (cache != null) {
			cache.invalidate();
		}
		this.instanceCaches.orderedStream()
			.filter((instanceCache) -> instanceCache.cacheName().equals(name))
			.forEach(InstanceCache::clear);
	}

	private void clearAll() {
		this.caches.getCacheNames().forEach(this::clear);
		this.instanceCaches.orderedStream().forEach(InstanceCache::clear);
	}

	@Override
	public void start() {
		this.running = true;
		if (this.dialect.isPostgres()) {
			Thread thread = Thread.ofPlatform().name("shared-caches").daemon().start(this::listen);
			this.listener = thread;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.listener;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(POLL.toMillis() * 3);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Listens until stopped, connecting again after a failure. */
	private void listen() {
		boolean missed = false;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				if (missed) {
					clearAll();
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							received(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				missed = true;
				logger.warn("Lost the connection that listens for cache changes; connecting again in " + WAIT, ex);
				try {
					Thread.sleep(WAIT);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void received(String message) {
		int bar = message.indexOf('|');
		if (bar > 0 && !Objects.equals(message.substring(0, bar), this.instance)) {
			clear(message.substring(bar + 1));
		}
	}

}
