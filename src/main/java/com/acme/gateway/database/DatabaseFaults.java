package com.acme.gateway.database;

import java.sql.SQLException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells the database faults a client may retry or narrow from a statement the database
 * rejected, by Spring's own translation of the driver's exception: jOOQ's statements
 * arrive translated already (Spring Boot's jOOQ starter installs its
 * {@code ExceptionTranslatorExecuteListener}), and a driver exception that bypassed jOOQ
 * (a connection taken from the pool by hand) is translated here with the same PostgreSQL
 * rules.
 */
public final class DatabaseFaults {

	private static final SQLExceptionTranslator POSTGRESQL = new SQLErrorCodeSQLExceptionTranslator("PostgreSQL");

	private DatabaseFaults() {
	}

	/**
	 * True when the connection itself failed ({@link DataAccessResourceFailureException},
	 * which includes {@code CannotGetJdbcConnectionException}: a refused connection, a
	 * connection lost, the server shutting down or starting up), or the pool had none to
	 * give in time ({@link TransientDataAccessResourceException}), as opposed to a
	 * statement the database rejected.
	 */
	public static boolean isDatabaseUnreachable(Throwable exception) {
		if (isRollbackOfLostConnection(exception)) {
			return true;
		}
		DataAccessException translated = translated(exception);
		return translated instanceof DataAccessResourceFailureException
				|| translated instanceof TransientDataAccessResourceException;
	}

	/**
	 * A rollback that failed because the connection was gone. When a connection breaks
	 * during a write (its COMMIT, say), HikariCP evicts and closes it at once, so
	 * Spring's rollback that follows fails with the pool's "Connection is closed", an
	 * SQLException without SQLSTATE, and that failure replaces the one that explained it:
	 * a commit's is only logged ("Commit exception overridden by rollback exception"), a
	 * statement's is kept as the application exception. PostgreSQL itself never refuses a
	 * ROLLBACK on a live connection.
	 */
	private static boolean isRollbackOfLostConnection(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransactionSystemException failed) {
				Throwable original = failed.getApplicationException();
				return (original != null && isDatabaseUnreachable(original))
						|| (failed.getCause() instanceof SQLException sql && sql.getSQLState() == null);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** True when the database cancelled a statement that ran past its timeout. */
	public static boolean isStatementTimeout(Throwable exception) {
		return translated(exception) instanceof QueryTimeoutException;
	}

	/**
	 * The first of Spring's data access exceptions in the cause chain (a data fetcher's
	 * exception may arrive wrapped, by a DataLoader's future say), else the translation
	 * of the first driver exception in it; null when there is neither.
	 */
	private static DataAccessException translated(Throwable exception) {
		SQLException driverException = null;
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException translated) {
				return translated;
			}
			if (driverException == null && cause instanceof SQLException sql) {
				driverException = sql;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return (driverException != null) ? POSTGRESQL.translate("", null, driverException) : null;
	}

}
