package com.tiercrm.database;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which read-only work may read from the replica, when one is configured
 * ({@code tiercrm.datasource.replica.url}). Nothing may unless its thread is inside
 * {@link #allow(Instant)}: the web requests that only read open such a scope, while runs,
 * imports, scheduled work, sign-ins and every write keep to the primary. Within a scope a
 * read-only transaction reads from the replica only if the replica has replayed
 * everything the primary had written by the scope's point in time (the user's last write)
 * and by {@link #requireCaughtUpTo(Instant) the last change of a cache}, and is no more
 * stale than the configured bound; otherwise it reads from the primary. Without a replica
 * nothing changes.
 */
@Component
public class ReplicaReads {

	private static final ThreadLocal<@Nullable Permission> current = new ThreadLocal<>();

	private final AtomicReference<Instant> floor = new AtomicReference<>(Instant.EPOCH);

	private volatile boolean configured;

	/**
	 * Whether a replica is configured, so that scopes matter.
	 */
	public boolean configured() {
		return this.configured;
	}

	void configure() {
		this.configured = true;
	}

	/**
	 * Lets the read-only transactions of this thread read from the replica until the
	 * scope is closed, as long as the replica has caught up with the primary as it was at
	 * {@code notBefore}.
	 * @param notBefore the instant whose changes must be visible (the user's last write),
	 * or {@code null} for none in particular
	 * @return the scope, to close at the end of the work
	 */
	public Scope allow(@Nullable Instant notBefore) {
		Permission permission = new Permission(notBefore);
		current.set(permission);
		return new Scope(permission);
	}

	/**
	 * No read from the replica until it has caught up with the primary as it was at this
	 * instant, whatever the scope: a cache emptied because the data changed must not be
	 * filled again with what the replica has not replayed yet.
	 * @param instant when the change was committed, or later
	 */
	public void requireCaughtUpTo(Instant instant) {
		this.floor.accumulateAndGet(instant, (a, b) -> a.isAfter(b) ? a : b);
	}

	/**
	 * The instant the replica must have caught up to for this thread to read from it, or
	 * {@code null} if this thread must read from the primary.
	 * @param oldest the oldest state of the primary any read may see
	 */
	@Nullable Instant requirement(Instant oldest) {
		Permission permission = current.get();
		if (permission == null || permission.wrote) {
			return null;
		}
		Instant required = later(oldest, this.floor.get());
		return (permission.notBefore != null) ? later(required, permission.notBefore) : required;
	}

	/**
	 * Notes that this thread has committed a read-write transaction: what it wrote must
	 * stay visible to it, so its reads stay on the primary until its scope ends.
	 */
	void wrote() {
		Permission permission = current.get();
		if (permission != null) {
			permission.wrote = true;
		}
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static final class Permission {

		private final @Nullable Instant notBefore;

		private volatile boolean wrote;

		Permission(@Nullable Instant notBefore) {
			this.notBefore = notBefore;
		}

	}

	/**
	 * Work allowed to read from the replica.
	 */
	public static final class Scope implements AutoCloseable {

		private final Permission permission;

		Scope(Permission permission) {
			this.permission = permission;
		}

		/**
		 * Whether the work committed a read-write transaction (it may have written).
		 */
		public boolean wrote() {
			return this.permission.wrote;
		}

		@Override
		public void close() {
			if (current.get() == this.permission) {
				current.remove();
			}
		}

	}

}
