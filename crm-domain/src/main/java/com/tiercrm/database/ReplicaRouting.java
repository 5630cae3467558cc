package com.tiercrm.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The primary's and the replica's pools, and how far the replica has caught up. Every
 * {@code check-interval} it notes the primary's WAL position and the time, then asks the
 * replica which position it has replayed: the replica has then caught up with the primary
 * as it was at the latest noted time whose position it has replayed. A read-only
 * transaction takes a replica connection only if that time is no earlier than what
 * {@link ReplicaReads} requires of its thread (at most {@code max-staleness} ago, and
 * after the user's last write) and, for a client without a session, only once the replica
 * has replayed the primary's WAL position noted after that client's last write (table
 * {@code replica_read_fences}, shared by every instance); in every other case, or when
 * the replica cannot be reached, a read-only connection of the primary. The times are
 * this instance's clock, compared with write times that other instances may have noted:
 * keep the clocks in step (NTP).
 */
final class ReplicaRouting implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ReplicaRouting.class);

	/** The most positions kept while the replica is behind; older ones are dropped. */
	private static final int MAX_SAMPLES = 10_000;

	private static final String NOTE_WRITES = """
			insert into replica_read_fences (username, wal_position, noted_at)
			values (?, pg_current_wal_lsn() - '0/0'::pg_lsn, current_timestamp)
			on conflict (username) do update
			set wal_position = greatest(replica_read_fences.wal_position, excluded.wal_position),
			noted_at = excluded.noted_at""";

	private final HikariDataSource primaryPool;

	private final HikariDataSource replicaPool;

	private final ReplicaReads reads;

	private final Duration maxStaleness;

	private final Deque<Sample> samples = new ArrayDeque<>();

	private final ScheduledExecutorService checker;

	/** The primary as of this instant is all replayed on the replica. */
	private volatile Instant caughtUpTo = Instant.EPOCH;

	/** The WAL position the replica had replayed when last checked. */
	private volatile long replayed = -1;

	private volatile boolean usable;

	ReplicaRouting(HikariDataSource primaryPool, HikariDataSource replicaPool, ReplicaProperties properties,
			ReplicaReads reads) {
		this.primaryPool = primaryPool;
		this.replicaPool = replicaPool;
		this.reads = reads;
		this.maxStaleness = properties.maxStaleness();
		reads.configure(this);
		this.checker = Executors.newSingleThreadScheduledExecutor(
				(task) -> Thread.ofPlatform().name("replica-lag").daemon().unstarted(task));
		this.checker.scheduleWithFixedDelay(this::check, 0, properties.checkInterval().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * The primary, for everything but read-only transactions.
	 */
	DataSource primary() {
		return this.primaryPool;
	}

	/**
	 * Connections for read-only transactions: the replica's where allowed, else the
	 * primary's, read-only.
	 */
	DataSource readOnly() {
		return new AbstractDataSource() {

			@Override
			public Connection getConnection() throws SQLException {
				return readOnlyConnection();
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return readOnlyConnection();
			}

		};
	}

	/**
	 * The instant up to which the replica has replayed the primary, as last checked.
	 */
	Instant caughtUpTo() {
		return this.caughtUpTo;
	}

	private Connection readOnlyConnection() throws SQLException {
		Instant required = this.reads.requirement(Instant.now().minus(this.maxStaleness));
		if (required != null && !this.caughtUpTo.isBefore(required)
				&& this.reads.requiredPosition(this::notedWrites) <= this.replayed) {
			try {
				return this.replicaPool.getConnection();
			}
			catch (SQLException ex) {
				logger.debug("No connection to the replica; reading from the primary", ex);
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug(
					"Read-only work reads from the primary: the replica has caught up to " + this.caughtUpTo + " (WAL "
							+ this.replayed + "), the work needs " + ((required != null) ? required : "the primary"));
		}
		Connection connection = this.primaryPool.getConnection();
		connection.setReadOnly(true);
		return connection;
	}

	private void check() {
		try {
			Instant at = Instant.now();
			long written = position(this.primaryPool, "select pg_current_wal_lsn()::text");
			synchronized (this.samples) {
				if (this.samples.size() == MAX_SAMPLES) {
					this.samples.removeFirst();
				}
				this.samples.addLast(new Sample(written, at));
			}
			long replayed = position(this.replicaPool, "select pg_last_wal_replay_lsn()::text");
			this.replayed = replayed;
			Instant caught = null;
			synchronized (this.samples) {
				while (!this.samples.isEmpty() && this.samples.peekFirst().position() <= replayed) {
					caught = this.samples.removeFirst().at();
				}
			}
			if (caught != null && caught.isAfter(this.caughtUpTo)) {
				this.caughtUpTo = caught;
			}
			noteState(null);
		}
		catch (SQLException | RuntimeException ex) {
			noteState(ex);
		}
	}

	/**
	 * Notes the primary's current WAL position for the user, unless a later one is noted.
	 */
	void noteWrites(String user) {
		try (Connection connection = this.primaryPool.getConnection();
				PreparedStatement statement = connection.prepareStatement(NOTE_WRITES)) {
			statement.setString(1, user);
			statement.executeUpdate();
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			logger.warn("Cannot note the last write of " + user + " (" + ex.getMessage()
					+ "); its reads on other instances may not see it for up to " + this.maxStaleness);
		}
	}

	/**
	 * The WAL position noted after the user's last write, 0 if none; when it cannot be
	 * read, one the replica never reaches.
	 */
	private long notedWrites(String user) {
		try (Connection connection = this.primaryPool.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("select wal_position from replica_read_fences where username = ?")) {
			statement.setString(1, user);
			try (ResultSet result = statement.executeQuery()) {
				long position = result.next() ? result.getLong(1) : 0;
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
				return position;
			}
		}
		catch (SQLException ex) {
			logger.debug("Cannot read the last write of " + user + "; reading from the primary", ex);
			return Long.MAX_VALUE;
		}
	}

	private void noteState(@Nullable Exception failure) {
		Duration behind = Duration.between(this.caughtUpTo, Instant.now());
		boolean nowUsable = failure == null && behind.compareTo(this.maxStaleness) <= 0;
		if (nowUsable != this.usable) {
			this.usable = nowUsable;
			if (nowUsable) {
				logger.info("The replica has caught up; read-only requests read from it again");
			}
			else if (failure != null) {
				logger.warn("Cannot check the replica (" + failure.getMessage()
						+ "); read-only requests read from the primary until it is back");
			}
			else {
				logger.warn("The replica is more than " + this.maxStaleness
						+ " behind the primary; read-only requests read from the primary until it catches up");
			}
		}
	}

	/**
	 * A WAL position ({@code pg_lsn}, e.g. {@code 16/B374D848}) as a number.
	 */
	private static long position(DataSource dataSource, String query) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			result.next();
			String lsn = result.getString(1);
			if (lsn == null) {
				throw new SQLException("the replica is not a standby: it has replayed no WAL");
			}
			int slash = lsn.indexOf('/');
			return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
		}
	}

	@Override
	public void close() {
		this.checker.shutdownNow();
		try {
			this.checker.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.replicaPool.close();
		this.primaryPool.close();
	}

	private record Sample(long position, Instant at) {
	}

}
