package com.acme.gateway.graphql;

import java.util.Map;
import java.util.UUID;

import com.acme.gateway.database.DatabaseFaults;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions thrown while resolving a field into GraphQL errors with an
 * {@code extensions.code}. Client-caused failures ({@link GatewayException}) keep their
 * message; a database that cannot be reached becomes {@link ErrorCode#UNAVAILABLE};
 * anything else is {@link ErrorCode#INTERNAL} with a generic message and an id that is
 * also logged with the stack trace, so no SQL, table or class name ever reaches a client.
 * Resolvers ordered before this one map their own failures first (the statement
 * timeout's, in {@code limits}).
 */
@Component
public class GatewayExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(GatewayExceptionResolver.class);

	/**
	 * The GraphQL context key of the HTTP request's id, quoted in an {@code INTERNAL}
	 * error's message.
	 */
	public static final String REQUEST_ID = "requestId";

	@Override
	protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
		if (exception instanceof GatewayException failure) {
			return error(environment, failure.code(), failure.getMessage(), failure.extensions());
		}
		if (DatabaseFaults.isDatabaseUnreachable(exception)) {
			logger.warn("Database unreachable while resolving {}: {}", environment.getExecutionStepInfo().getPath(),
					exception.toString());
			return error(environment, ErrorCode.UNAVAILABLE,
					"The database is unavailable right now; retry the request shortly.", Map.of());
		}
		String errorId = UUID.randomUUID().toString();
		logger.error("Unexpected failure {} while resolving {}", errorId, environment.getExecutionStepInfo().getPath(),
				exception);
		return error(environment, ErrorCode.INTERNAL,
				internalMessage(environment.getGraphQlContext().get(REQUEST_ID), errorId), Map.of("errorId", errorId));
	}

	static String internalMessage(Object requestId, String errorId) {
		return (requestId != null) ? "Internal error, request id " + requestId + "; quote it and error id " + errorId
				+ " when reporting it." : "Internal error; quote id " + errorId + " when reporting it.";
	}

	private static GraphQLError error(DataFetchingEnvironment environment, ErrorCode code, String message,
			Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError(environment)
			.errorType(code)
			.message(message)
			.extensions(ErrorCodes.withCode(extensions, code))
			.build();
	}

}
