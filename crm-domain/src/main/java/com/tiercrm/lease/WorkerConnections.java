package com.tiercrm.lease;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connections that threads doing leased work have open, so that a worker whose work
 * was ended without it (cancelled after the grace period, or taken over once its lease
 * expired) can be cut loose at once: a statement waiting on a lock, or reading from a
 * socket whose peer is gone, would otherwise hold the thread until the lock is released
 * or the operating system gives up on the socket. Only the threads inside
 * {@link Leases#working} are tracked; every other connection is handed out as it is.
 */
final class WorkerConnections {

	private static final Log logger = LogFactory.getLog(WorkerConnections.class);

	/** Per worker thread, its open connections. */
	private static final Map<Thread, Set<Connection>> open = new ConcurrentHashMap<>();

	private WorkerConnections() {
	}

	static void track(Thread worker) {
		open.putIfAbsent(worker, ConcurrentHashMap.newKeySet());
	}

	static void untrack(Thread worker) {
		open.remove(worker);
	}

	/**
	 * Cancels what each connection of the worker is running (on PostgreSQL, over a
	 * connection of its own, so that the server ends the statement and releases its
	 * locks), then aborts the connection, so that the worker fails at once even when the
	 * socket is dead.
	 * @return how many connections were aborted
	 */
	static int abort(Thread worker) {
		Set<Connection> connections = open.get(worker);
		if (connections == null) {
			return 0;
		}
		int aborted = 0;
		for (Connection connection : Set.copyOf(connections)) {
			try {
				if (connection.isWrapperFor(PGConnection.class)) {
					connection.unwrap(PGConnection.class).cancelQuery();
				}
			}
			catch (SQLException | RuntimeException ex) {
				logger.debug("Could not cancel the statement of " + worker.getName(), ex);
			}
			try {
				connection.abort(Runnable::run);
				aborted++;
			}
			catch (SQLException | RuntimeException ex) {
				logger.warn("Could not abort a connection of " + worker.getName(), ex);
			}
		}
		return aborted;
	}

	/**
	 * Wraps the application's data source so that the connections of worker threads are
	 * known.
	 */
	static BeanPostProcessor dataSourceTracker() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof TrackingDataSource))
						? new TrackingDataSource(dataSource) : bean;
			}

		};
	}

	private static final class TrackingDataSource extends DelegatingDataSource {

		TrackingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return tracked(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return tracked(super.getConnection(username, password));
		}

		private static Connection tracked(Connection connection) {
			Set<Connection> mine = open.get(Thread.currentThread());
			if (mine == null) {
				return connection;
			}
			mine.add(connection);
			return (Connection) Proxy.newProxyInstance(WorkerConnections.class.getClassLoader(),
					new Class<?>[] { ConnectionProxy.class }, (proxy, method, args) -> {
						switch (method.getName()) {
							case "equals" -> {
								return proxy == args[0];
							}
							case "hashCode" -> {
								return System.identityHashCode(proxy);
							}
							case "getTargetConnection" -> {
								return connection;
							}
							case "close" -> mine.remove(connection);
							default -> {
							}
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getTargetException();
						}
					});
		}

	}

}
