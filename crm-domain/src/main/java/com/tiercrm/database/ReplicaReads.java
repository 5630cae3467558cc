package com.tiercrm.database;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

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
 * stale than the configured bound; otherwise it reads from the primary. Clients without a
 * session (API tokens, HTTP Basic) have their last write {@link #noteWrites(String) noted
 * by the primary's WAL position} in the database, so that their reads on any instance
 * stay on the primary until the replica has replayed it. Without a replica nothing
 * changes.
 */
@Component
public class ReplicaReads {

	private static final ThreadLocal<@Nullable Permission> current = new ThreadLocal<>();

	private final AtomicReference<Instant> floor = new AtomicReference<>(Instant.EPOCH);

	private volatile @Nullable ReplicaRouting routing;

	/**
	 * Whether a replica is configured, so that scopes matter.
	 */
	public boolean configured() {
		return this.routing != null;
	}

	void configure(ReplicaRouting routing) {
		this.routing = routing;
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
		return allow(notBefore, null);
	}

	/**
	 * Lets the read-only transactions of this thread read from the replica until the
	 * scope is closed, as long as the replica has caught up with the primary as it was at
	 * {@code notBefore} and has replayed the writes {@link #noteWrites(String) noted} for
	 * {@code writer}.
	 * @param notBefore the instant whose changes must be visible (the user's last write),
	 * or {@code null} for none in particular
	 * @param writer the user whose noted writes must be visible, or {@code null} for none
	 * @return the scope, to close at the end of the work
	 */
	public Scope allow(@Nullable Instant notBefore, @Nullable String writer) {
		Permission permission = new Permission(notBefore, writer);
		current.set(permission);
		return new Scope(permission);
	}

	/**
	 * Notes that the user's writes so far are committed: until the replica has replayed
	 * the primary's current WAL position, the user's reads in a scope
	 * {@link #allow(Instant, String) naming them} go to the primary, on every instance.
	 * One statement on the primary; nothing without a replica.
	 * @param user the user (username) who wrote
	 */
	public void noteWrites(String user) {
		ReplicaRouting routing = this.routing;
		if (routing != null) {
			routing.noteWrites(user);
		}
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
	 * The WAL position the replica must have replayed for this thread to read from it: 0
	 * when the scope names no writer, else the writer's noted position, looked up once
	 * per scope.
	 * @param lookup the position noted for a user (0 for none)
	 */
	long requiredPosition(ToLongFunction<String> lookup) {
		Permission permission = current.get();
		if (permission == null || permission.writer == null) {
			return 0;
		}
		if (permission.position < 0) {
			permission.position = lookup.applyAsLong(permission.writer);
		}
		return permission.position;
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

		private final @Nullable String writer;

		/** The writer's noted WAL position, -1 until looked up. */
		private long position = -1;

		private volatile boolean wrote;

		Permission(@Nullable Instant notBefore, @Nullable String writer) {
			this.notBefore = notBefore;
			this.writer = writer;
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
