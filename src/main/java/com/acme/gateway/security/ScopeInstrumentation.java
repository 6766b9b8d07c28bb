package com.acme.gateway.security;

import java.util.Optional;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.stereotype.Component;

/**
 * Refuses a root field (query or mutation) whose scope the token lacks, before its data fetcher
 * runs: the field gets a {@code FORBIDDEN} error at its own path, the other fields of the request
 * still answer, and a refused mutation writes nothing because its controller is never called.
 * <p>
 * It wraps data fetchers rather than annotating controller methods so that the rule of
 * {@link ScopeRequirements} covers every root field of the schema, including ones added later by
 * code that knows nothing about scopes.
 */
@Component
public class ScopeInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		DataFetchingEnvironment environment = parameters.getEnvironment();
		if (!environment.getExecutionStepInfo().getParent().getPath().isRootPath()) {
			return dataFetcher;
		}
		boolean mutation = environment.getParentType() == environment.getGraphQLSchema().getMutationType();
		Optional<Scope> required = ScopeRequirements.forRootField(mutation, environment.getField().getName());
		if (required.isEmpty()) {
			return dataFetcher;
		}
		return guarded -> {
			CurrentUser user = guarded.getGraphQlContext().get(CurrentUser.CONTEXT_KEY);
			if (user == null || !user.grants(required.get())) {
				throw new GatewayException(ErrorCode.FORBIDDEN, "This token lacks the scope "
						+ required.get().claimValue() + " (or sequenceStates.all) needed for "
						+ environment.getField().getName() + ".");
			}
			return dataFetcher.get(guarded);
		};
	}

}
