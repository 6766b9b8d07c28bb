package com.acme.gateway.database;

import java.sql.SQLException;

/**
 * Recognises a statement PostgreSQL refused because of a named constraint, wherever in
 * the cause chain the driver's exception sits (jOOQ wraps it, Spring translates jOOQ's).
 *
 * <p>
 * The constraint name is matched in the server's message, where PostgreSQL quotes it in
 * every locale; the PostgreSQL driver is a runtime-only dependency, so its
 * {@code ServerErrorMessage} is out of reach at compile time.
 */
public final class ConstraintViolations {

	/** SQLSTATE {@code unique_violation}. */
	public static final String UNIQUE_VIOLATION = "23505";

	private ConstraintViolations() {
	}

	public static boolean isViolationOf(Throwable exception, String sqlState, String constraintName) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
				String message = sql.getMessage();
				return message != null && message.contains("\"" + constraintName + "\"");
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
