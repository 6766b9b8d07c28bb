package com.acme.gateway.limits;

import graphql.language.Field;
import graphql.language.OperationDefinition;

/**
 * Recognises operations that only introspect the schema. GraphiQL's schema query nests
 * {@code ofType} deeper than any data query needs, so depth and cost limits would break
 * the Docs tab; graphql-java's good-faith introspection check bounds these operations
 * instead.
 */
final class IntrospectionOperations {

	private IntrospectionOperations() {
	}

	static boolean isIntrospectionOnly(OperationDefinition operation) {
		return operation.getSelectionSet()
			.getSelections()
			.stream()
			.allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
	}

}
