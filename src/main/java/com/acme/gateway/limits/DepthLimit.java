package com.acme.gateway.limits;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Refuses operations nested deeper than {@code gateway.limits.max-depth} before any field
 * runs, with graphql-java's own depth analysis and a message that names the limit.
 */
class DepthLimit extends MaxQueryDepthInstrumentation {

	DepthLimit(int maxDepth) {
		super(maxDepth);
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
	protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
		return new AbortExecutionException("The query depth " + depth + " exceeds the limit of " + maxDepth
				+ " (gateway.limits.max-depth); nest fewer relationships.");
	}

}
