package com.acme.gateway.security;

import java.util.Optional;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;

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
		// Runs for every field of every response, so it only compares the parent type: asking
		// for the ExecutionStepInfo (as a path check would) builds it for every field, which
		// measured about a third of the time of a 50-state page.
		GraphQLSchema schema = environment.getGraphQLSchema();
		boolean mutation = environment.getParentType() == schema.getMutationType();
		if (!mutation && environment.getParentType() != schema.getQueryType()) {
			return dataFetcher;
		}
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
