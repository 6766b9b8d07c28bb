package com.acme.gateway.graphql;

import java.util.UUID;

import com.acme.gateway.database.DatabaseFaults;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * The subscription counterpart of {@link GatewayExceptionResolver}: a failure that ends a
 * subscription's stream becomes an error with {@code extensions.code}. Client-caused
 * failures keep their message; anything else is {@link ErrorCode#INTERNAL} with a logged
 * id and no detail.
 */
@Component
public class GatewaySubscriptionExceptionResolver extends SubscriptionExceptionResolverAdapter {

	private static final Logger logger = LoggerFactory.getLogger(GatewaySubscriptionExceptionResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable exception) {
		if (exception instanceof GatewayException failure) {
			return GraphqlErrorBuilder.newError()
				.errorType(failure.code())
				.message(failure.getMessage())
				.extensions(ErrorCodes.withCode(failure.extensions(), failure.code()))
				.build();
		}
		ErrorCode code = DatabaseFaults.isDatabaseUnreachable(exception) ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL;
		String errorId = UUID.randomUUID().toString();
		logger.error("Unexpected failure {} in a subscription", errorId, exception);
		return GraphqlErrorBuilder.newError()
			.errorType(code)
			.message("The subscription failed; quote id " + errorId + " when reporting it.")
			.extensions(ErrorCodes.withCode(java.util.Map.of("errorId", errorId), code))
			.build();
	}

}
