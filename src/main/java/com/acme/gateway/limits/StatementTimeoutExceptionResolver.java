package com.acme.gateway.limits;

import java.util.Map;

import com.acme.gateway.database.DatabaseFaults;
import com.acme.gateway.graphql.ErrorCode;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns a statement cancelled by {@code gateway.limits.statement-timeout} into
 * {@link ErrorCode#LIMIT_EXCEEDED}, naming the limit, so the client knows to ask for less
 * rather than to retry. It runs before the catch-all resolver, which would report it as
 * {@link ErrorCode#INTERNAL}; any other exception it leaves alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StatementTimeoutExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(StatementTimeoutExceptionResolver.class);

	private final LimitsProperties limits;

	public StatementTimeoutExceptionResolver(LimitsProperties limits) {
		this.limits = limits;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
		if (!DatabaseFaults.isStatementTimeout(exception)) {
			return null;
		}
		logger.warn("Statement timeout while resolving {}", environment.getExecutionStepInfo().getPath());
		return GraphqlErrorBuilder.newError(environment)
			.errorType(ErrorCode.LIMIT_EXCEEDED)
			.message("The statement timeout of " + this.limits.statementTimeoutText()
					+ " was exceeded (gateway.limits.statement-timeout); ask for less or filter more narrowly.")
			.extensions(Map.of("code", ErrorCode.LIMIT_EXCEEDED.name()))
			.build();
	}

}
