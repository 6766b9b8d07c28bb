package com.acme.gateway.limits;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Refuses operations whose {@link QueryCost} exceeds {@code gateway.limits.max-cost} before any
 * field runs, with graphql-java's complexity analysis and a message that names the limit.
 */
class CostLimit extends MaxQueryComplexityInstrumentation {

	CostLimit(int maxCost, QueryCost cost) {
		super(maxCost, cost);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		if (IntrospectionOperations.isIntrospectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
			return SimpleInstrumentationContext.noOp();
		}
		return super.beginExecuteOperation(parameters, state);
	}

	@Override
	protected AbortExecutionException mkAbortException(int cost, int maxCost) {
		return new AbortExecutionException("The query cost " + cost + " exceeds the limit of " + maxCost
				+ " (gateway.limits.max-cost); ask for smaller pages (first/last) or fewer list relationships.");
	}

}
