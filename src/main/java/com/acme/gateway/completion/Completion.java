package com.acme.gateway.completion;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.ExecutionContext;
import graphql.execution.ResponseMapFactory;
import graphql.execution.ValueUnboxer;

/**
 * What a direct completion needs from the execution it runs in; read once per completed
 * object.
 */
record Completion(GraphQLContext graphQLContext, Locale locale, ValueUnboxer unboxer, ResponseMapFactory responseMaps) {

	static Completion of(ExecutionContext execution) {
		return new Completion(execution.getGraphQLContext(), execution.getLocale(), execution.getValueUnboxer(),
				execution.getResponseMapFactory());
	}

}
