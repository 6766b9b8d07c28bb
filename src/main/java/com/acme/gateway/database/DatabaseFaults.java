package com.acme.gateway.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached from a statement the database rejected: the first is
 * worth a retry ({@code UNAVAILABLE}), the second is not.
 */
public final class DatabaseFaults {

	private DatabaseFaults() {
	}

	/**
	 * True when the cause chain says the connection itself failed (pool timeout, refused
	 * connection, SQLSTATE class 08, or the server shutting down / starting up), as opposed to a
	 * statement the database rejected.
	 */
	public static boolean isDatabaseUnreachable(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof java.net.ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
						|| state.equals("57P03")) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
