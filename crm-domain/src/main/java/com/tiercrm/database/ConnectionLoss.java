package com.tiercrm.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a lost database connection from other failures, so that work can say why it
 * stopped: the server ended the session (it was terminated, or shut down) or the network
 * broke.
 */
public final class ConnectionLoss {

	private ConnectionLoss() {
	}

	/**
	 * Whether a failure, or any of its causes, is a lost connection: SQL state class
	 * {@code 08} (connection exception) or {@code 57P01}–{@code 57P03} (the server
	 * terminated the session or is shutting down).
	 */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
