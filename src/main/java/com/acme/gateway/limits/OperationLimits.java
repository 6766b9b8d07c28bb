package com.acme.gateway.limits;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * The depth, cost and alias limits as graphql-java's one instrumentation. Each is checked once
 * per operation, before the first field; as separate instrumentations graphql-java would chain
 * them and call the chain for every field of the response (begin fetch, fetched, begin and end
 * completion), allocating a context per field and instrumentation: some 8% of a 50-state page's
 * time, for three checks that look at nothing per field. An operation that passed is not walked
 * again for the same inputs ({@link PassedOperations}).
 */
final class OperationLimits extends SimplePerformantInstrumentation {

	private final List<Instrumentation> limits;

	private final PassedOperations passed = new PassedOperations(64);

	OperationLimits(List<Instrumentation> limits) {
		this.limits = List.copyOf(limits);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		if (this.passed.contains(parameters.getExecutionContext())) {
			return SimpleInstrumentationContext.noOp();
		}
		for (Instrumentation limit : this.limits) {
			// Each limit's own state, created as graphql-java would: the cost limit keeps one, the
			// others answer null for none.
			CompletableFuture<InstrumentationState> own = limit.createStateAsync(null);
			limit.beginExecuteOperation(parameters, (own != null) ? own.join() : null);
		}
		// Reached only when no limit threw.
		this.passed.add(parameters.getExecutionContext());
		return SimpleInstrumentationContext.noOp();
	}

}
