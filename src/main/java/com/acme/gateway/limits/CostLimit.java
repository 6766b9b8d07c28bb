package com.acme.gateway.limits;

import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;

/**
 * Refuses operations whose {@link QueryCost} exceeds {@code gateway.limits.max-cost}
 * before any field runs, with graphql-java's complexity calculator and a message that
 * names the limit. It returns the cost it computed, since the same number is what the
 * rate limit charges ({@link CostCharge}); graphql-java's own
 * {@code MaxQueryComplexityInstrumentation} keeps it.
 */
class CostLimit {

	private final int maxCost;

	private final QueryCost cost;

	CostLimit(int maxCost, QueryCost cost) {
		this.maxCost = maxCost;
		this.cost = cost;
	}

	/**
	 * @return the operation's cost, 0 for an introspection-only operation, which is never
	 * refused
	 */
	int check(ExecutionContext execution) {
		if (IntrospectionOperations.isIntrospectionOnly(execution.getOperationDefinition())) {
			return 0;
		}
		int operationCost = QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator(this.cost)
			.schema(execution.getGraphQLSchema())
			.document(execution.getDocument())
			.operationName(execution.getExecutionInput().getOperationName())
			.variables(execution.getCoercedVariables())
			.build()
			.calculate();
		if (operationCost > this.maxCost) {
			throw new AbortExecutionException("The query cost " + operationCost + " exceeds the limit of "
					+ this.maxCost
					+ " (gateway.limits.max-cost); ask for smaller pages (first/last) or fewer list relationships.");
		}
		return operationCost;
	}

}
