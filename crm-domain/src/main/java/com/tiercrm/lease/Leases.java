package com.tiercrm.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The leases this instance holds on running work. A lease is two columns of the work's
 * row: who holds it and until when. The holder renews it on a schedule while the work
 * goes on; once it has expired (the holder was killed, or lost the database), any
 * instance may take it over to fail the work. Times are this instance's clock: instances
 * keep their clocks in step (NTP) to well within a lease's duration.
 */
@Component
@EnableConfigurationProperties(LeaseProperties.class)
public class Leases {

	private static final Log logger = LogFactory.getLog(Leases.class);

	private final JdbcTemplate jdbc;

	private final LeaseProperties properties;

	private final Clock clock;

	private final String owner;

	private final Map<LeasedTable, Set<Long>> held = new ConcurrentHashMap<>();

	/** The threads doing this instance's leased work. */
	private final Map<LeasedTable, Map<Long, Thread>> workers = new ConcurrentHashMap<>();

	/** The works whose workers {@link #stopWorker} stopped, until they finish. */
	private final Map<LeasedTable, Set<Long>> stopped = new ConcurrentHashMap<>();

	Leases(JdbcTemplate jdbc, LeaseProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = Clock.systemUTC();
		this.owner = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Who this instance is in {@code lease_owner}. */
	public String owner() {
		return this.owner;
	}

	/**
	 * Takes the lease of a running row that this instance just created, and renews it
	 * until {@link #release released}.
	 */
	public void hold(LeasedTable table, long id) {
		this.jdbc.update("UPDATE " + table.name() + " SET lease_owner = ?, lease_expires_at = ? WHERE id = ?",
				this.owner, expiry(), id);
		this.held.computeIfAbsent(table, (key) -> ConcurrentHashMap.newKeySet()).add(id);
	}

	/**
	 * Notes that the current thread does the work of a row until the returned scope is
	 * closed, so that its connections can be aborted once the work was ended without it
	 * ({@link #stopWorker}).
	 */
	public Work working(LeasedTable table, long id) {
		Thread worker = Thread.currentThread();
		WorkerConnections.track(worker);
		this.workers.computeIfAbsent(table, (key) -> new ConcurrentHashMap<>()).put(id, worker);
		return () -> {
			Map<Long, Thread> ids = this.workers.get(table);
			if (ids != null) {
				ids.remove(id, worker);
			}
			Set<Long> stoppedIds = this.stopped.get(table);
			if (stoppedIds != null) {
				stoppedIds.remove(id);
			}
			WorkerConnections.untrack(worker);
		};
	}

	/**
	 * Frees this instance's worker of a row that was ended without it (cancelled after
	 * the grace period, or failed once its lease expired), if it is still at work: what
	 * it runs on the database is cancelled and its connections aborted, so that it fails
	 * at once instead of waiting on a lock or a dead socket. Call it only once the row's
	 * end is committed, so that the worker cannot record an end of its own.
	 * @return whether a worker was found
	 */
	public boolean stopWorker(LeasedTable table, long id) {
		Map<Long, Thread> ids = this.workers.get(table);
		Thread worker = (ids != null) ? ids.get(id) : null;
		if (worker == null) {
			return false;
		}
		// Noted first: the worker fails as soon as its connections are aborted.
		this.stopped.computeIfAbsent(table, (key) -> ConcurrentHashMap.newKeySet()).add(id);
		int aborted = WorkerConnections.abort(worker);
		logger.warn("Work " + table.name() + " #" + id + " was ended without its worker " + worker.getName()
				+ "; aborted its " + aborted + " database connection(s)");
		return true;
	}

	/**
	 * Whether this instance's worker of a row was {@link #stopWorker stopped} on purpose
	 * (its work ended without it, its lease lost): its failure is no lost connection
	 * then, but the end of work already ended.
	 */
	public boolean stopped(LeasedTable table, long id) {
		Set<Long> ids = this.stopped.get(table);
		return ids != null && ids.contains(id);
	}

	/** Stops renewing a lease, once the work has finished. */
	public void release(LeasedTable table, long id) {
		Set<Long> ids = this.held.get(table);
		if (ids != null) {
			ids.remove(id);
		}
	}

	/** Whether this instance holds (and renews) the lease of a row. */
	public boolean holds(LeasedTable table, long id) {
		Set<Long> ids = this.held.get(table);
		return ids != null && ids.contains(id);
	}

	/**
	 * Renews the lease of one row and says whether it was still this instance's: work
	 * checks this in the transaction that finishes it.
	 * @throws LeaseLostException when another instance recovered the work
	 */
	public void confirm(LeasedTable table, long id) {
		int renewed = this.jdbc.update(
				"UPDATE " + table.name()
						+ " SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'",
				expiry(), id, this.owner);
		if (renewed == 0) {
			throw new LeaseLostException(table, id);
		}
	}

	/**
	 * Renews the lease of one row, as {@link #confirm}, for the transaction that writes
	 * the work's results: it also refuses when someone asked the work to stop. The row
	 * stays locked until that transaction ends, so a cancel either comes before (and the
	 * work writes nothing) or finds the work finished.
	 * @throws WorkCancelledException when the work was asked to stop
	 * @throws LeaseLostException when another instance recovered or cancelled the work
	 */
	public void confirmNotCancelled(LeasedTable table, long id) {
		int renewed = this.jdbc.update("UPDATE " + table.name()
				+ " SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'"
				+ " AND cancel_requested_at IS NULL", expiry(), id, this.owner);
		if (renewed == 0) {
			checkNotCancelled(table, id);
			throw new LeaseLostException(table, id);
		}
	}

	/**
	 * Where work checks between two steps whether it should go on.
	 * @throws WorkCancelledException when someone asked it to stop
	 */
	public void checkNotCancelled(LeasedTable table, long id) {
		Integer asked = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM " + table.name() + " WHERE id = ? AND cancel_requested_at IS NOT NULL",
				Integer.class, id);
		if (asked != null && asked > 0) {
			throw new WorkCancelledException(table, id);
		}
	}

	/**
	 * Asks running work to stop, wherever it runs: its worker sees it at its next check.
	 * @return whether the work is (still) running
	 */
	public boolean requestCancel(LeasedTable table, long id) {
		this.jdbc.update("UPDATE " + table.name()
				+ " SET cancel_requested_at = ? WHERE id = ? AND status = 'RUNNING' AND cancel_requested_at IS NULL",
				now(), id);
		Integer running = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM " + table.name() + " WHERE id = ? AND status = 'RUNNING'", Integer.class, id);
		return running != null && running > 0;
	}

	/**
	 * Running rows asked to stop longer ago than the grace period: their worker is stuck
	 * (in a statement on a lost connection, say) or gone, and they are to be cancelled
	 * without it.
	 */
	public List<Long> unansweredCancels(LeasedTable table) {
		return this.jdbc.queryForList(
				"SELECT id FROM " + table.name() + " WHERE status = 'RUNNING' AND cancel_requested_at < ? ORDER BY id",
				Long.class, Timestamp.from(this.clock.instant().minus(this.properties.cancelGrace())));
	}

	/**
	 * Takes over work asked to stop longer ago than the grace period, so that of several
	 * instances only one cancels it.
	 * @return whether this instance has it now
	 */
	public boolean takeOverUnanswered(LeasedTable table, long id) {
		return this.jdbc.update(
				"UPDATE " + table.name()
						+ " SET lease_owner = ?, lease_expires_at = ? WHERE id = ? AND status = 'RUNNING'"
						+ " AND cancel_requested_at < ?",
				this.owner, expiry(), id,
				Timestamp.from(this.clock.instant().minus(this.properties.cancelGrace()))) > 0;
	}

	/**
	 * Running rows whose lease has expired, or that never had one (left from before
	 * leases).
	 */
	public List<Long> expired(LeasedTable table) {
		return this.jdbc.queryForList("SELECT id FROM " + table.name()
				+ " WHERE status = 'RUNNING' AND (lease_expires_at IS NULL OR lease_expires_at < ?) ORDER BY id",
				Long.class, now());
	}

	/**
	 * Takes over an expired lease, so that of several instances only one recovers the
	 * work.
	 * @return whether this instance has it now
	 */
	public boolean takeOver(LeasedTable table, long id) {
		return this.jdbc.update(
				"UPDATE " + table.name()
						+ " SET lease_owner = ?, lease_expires_at = ? WHERE id = ? AND status = 'RUNNING'"
						+ " AND (lease_expires_at IS NULL OR lease_expires_at < ?)",
				this.owner, expiry(), id, now()) > 0;
	}

	/** Renews every lease this instance holds. */
	@Scheduled(fixedDelayString = "${tiercrm.leases.renewal-interval:15s}",
			initialDelayString = "${tiercrm.leases.renewal-interval:15s}")
	public void renew() {
		this.held.forEach((table, ids) -> {
			for (Long id : List.copyOf(ids)) {
				int renewed = this.jdbc.update(
						"UPDATE " + table.name()
								+ " SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'",
						expiry(), id, this.owner);
				if (renewed == 0) {
					// Finished meanwhile, or recovered by another instance after a
					// renewal came too late.
					ids.remove(id);
					if (takenByAnother(table, id)) {
						stopWorker(table, id);
					}
				}
			}
		});
	}

	/**
	 * Whether another instance took the work over (to fail or cancel it): the worker
	 * here, if still at work, would only have its writes refused.
	 */
	private boolean takenByAnother(LeasedTable table, long id) {
		List<String> owners = this.jdbc.queryForList("SELECT lease_owner FROM " + table.name() + " WHERE id = ?",
				String.class, id);
		return !owners.isEmpty() && owners.getFirst() != null && !this.owner.equals(owners.getFirst());
	}

	/** The scope of a worker's work, from {@link #working}. */
	public interface Work extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * Wraps the data source so that the connections of workers are known, and can be
	 * aborted.
	 */
	@Bean
	static BeanPostProcessor workerConnectionTracker() {
		return WorkerConnections.dataSourceTracker();
	}

	private Timestamp expiry() {
		return Timestamp.from(this.clock.instant().plus(this.properties.duration()));
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			logger.debug("No host name for the lease owner", ex);
			return "unknown";
		}
	}

}
