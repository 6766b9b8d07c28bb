package com.acme.gateway.limits;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Refuses operations with more than {@code gateway.limits.max-aliases} aliased fields
 * before any field runs. Aliases let one document ask for the same expensive field many
 * times over ({@code a1: sequenceStates(first: 1000) … a2: …}); fragments are counted
 * where they are spread, so spreading one aliased fragment ten times counts ten times.
 */
class AliasLimit extends SimplePerformantInstrumentation {

	private final int maxAliases;

	AliasLimit(int maxAliases) {
		this.maxAliases = maxAliases;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		int aliases = countAliases(parameters.getExecutionContext());
		if (aliases > this.maxAliases) {
			throw new AbortExecutionException("The query has " + aliases + " aliased fields, more than the limit of "
					+ this.maxAliases + " (gateway.limits.max-aliases); split it into several requests.");
		}
		return SimpleInstrumentationContext.noOp();
	}

	private static int countAliases(ExecutionContext context) {
		AtomicInteger aliases = new AtomicInteger();
		QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getOperationDefinition().getName())
			.coercedVariables(context.getCoercedVariables())
			.build()
			.visitPreOrder(new QueryVisitorStub() {
				@Override
				public void visitField(graphql.analysis.QueryVisitorFieldEnvironment environment) {
					if (environment.getField().getAlias() != null) {
						aliases.incrementAndGet();
					}
				}
			});
		return aliases.get();
	}

}
