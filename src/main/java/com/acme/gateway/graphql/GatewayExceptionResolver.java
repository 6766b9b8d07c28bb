package com.acme.gateway.graphql;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.UUID;

import com.acme.gateway.limits.LimitsProperties;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/**
 * Turns exceptions thrown while resolving a field into GraphQL errors with an
 * {@code extensions.code}. Client-caused failures ({@link GatewayException}) keep their message;
 * a database that cannot be reached becomes {@link ErrorCode#UNAVAILABLE}; anything else is
 * {@link ErrorCode#INTERNAL} with a generic message (a statement cancelled by the statement timeout is
 * {@link ErrorCode#LIMIT_EXCEEDED}, naming the limit) and an id that is also logged with the
 * stack trace, so no SQL, table or class name ever reaches a client.
 */
@Component
public class GatewayExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(GatewayExceptionResolver.class);

	/** PostgreSQL's query_canceled: the statement timeout's cancel request arrived. */
	private static final String QUERY_CANCELED = "57014";

	private final LimitsProperties limits;

	public GatewayExceptionResolver(LimitsProperties limits) {
		this.limits = limits;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
		if (exception instanceof GatewayException failure) {
			return error(environment, failure.code(), failure.getMessage(), failure.extensions());
		}
		if (isDatabaseUnreachable(exception)) {
			logger.warn("Database unreachable while resolving {}: {}", environment.getExecutionStepInfo().getPath(),
					exception.toString());
			return error(environment, ErrorCode.UNAVAILABLE,
					"The database is unavailable right now; retry the request shortly.", Map.of());
		}
		if (isStatementCancelled(exception)) {
			logger.warn("Statement timeout while resolving {}", environment.getExecutionStepInfo().getPath());
			return error(environment, ErrorCode.LIMIT_EXCEEDED, "The statement timeout of "
					+ this.limits.statementTimeoutText()
					+ " was exceeded (gateway.limits.statement-timeout); ask for less or filter more narrowly.",
					Map.of());
		}
		String errorId = UUID.randomUUID().toString();
		logger.error("Unexpected failure {} while resolving {}", errorId, environment.getExecutionStepInfo().getPath(),
				exception);
		return error(environment, ErrorCode.INTERNAL,
				"Internal error; quote id " + errorId + " when reporting it.", Map.of("errorId", errorId));
	}

	private static GraphQLError error(DataFetchingEnvironment environment, ErrorCode code, String message,
			Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError(environment)
			.errorType(code)
			.message(message)
			.extensions(ErrorCodes.withCode(extensions, code))
			.build();
	}

	static boolean isStatementCancelled(Throwable exception) {
		for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A rollback that failed because the connection was gone. When a connection breaks during a
	 * write (its COMMIT, say), HikariCP evicts and closes it at once, so Spring's rollback that
	 * follows fails with the pool's "Connection is closed", an SQLException without SQLSTATE, and
	 * that failure replaces the one that explained it: a commit's is only logged ("Commit exception
	 * overridden by rollback exception"), a statement's is kept as the application exception.
	 * PostgreSQL itself never refuses a ROLLBACK on a live connection.
	 */
	private static boolean isLostConnection(TransactionSystemException failed) {
		Throwable original = failed.getApplicationException();
		if (original != null && isDatabaseUnreachable(original)) {
			return true;
		}
		return failed.getCause() instanceof SQLException sql && sql.getSQLState() == null;
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
			if (cause instanceof TransactionSystemException failed && isLostConnection(failed)) {
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
