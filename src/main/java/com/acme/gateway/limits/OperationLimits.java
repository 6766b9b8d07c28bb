package com.acme.gateway.limits;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * The depth, cost and alias limits as graphql-java's one instrumentation. Each is checked
 * once per operation, before the first field; as separate instrumentations graphql-java
 * would chain them and call the chain for every field of the response (begin fetch,
 * fetched, begin and end completion), allocating a context per field and instrumentation,
 * for three checks that look at nothing per field (BENCHMARKS.md, "Code shaped by
 * measurements"). An operation that passed is not walked again for the same inputs
 * ({@link PassedOperations}), which also remembers its cost. Once the limits passed, the
 * cost goes to the request's {@link CostCharge}, if it has one, which may still refuse
 * the operation before anything runs.
 */
final class OperationLimits extends SimplePerformantInstrumentation {

	private final List<Instrumentation> limits;

	private final CostLimit costLimit;

	private final PassedOperations passed = new PassedOperations(64);

	OperationLimits(List<Instrumentation> limits, CostLimit costLimit) {
		this.limits = List.copyOf(limits);
		this.costLimit = costLimit;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		Integer passedCost = this.passed.costOf(execution);
		int cost = (passedCost != null) ? passedCost : check(parameters);
		CostCharge charge = execution.getGraphQLContext().get(CostCharge.CONTEXT_KEY);
		if (charge != null) {
			charge.charge(cost);
		}
		return SimpleInstrumentationContext.noOp();
	}

	/** Throws for the first limit exceeded; returns the cost when none is. */
	private int check(InstrumentationExecuteOperationParameters parameters) {
		for (Instrumentation limit : this.limits) {
			// Each limit's own state, created as graphql-java would; these answer null
			// for none.
			CompletableFuture<InstrumentationState> own = limit.createStateAsync(null);
			limit.beginExecuteOperation(parameters, (own != null) ? own.join() : null);
		}
		int cost = this.costLimit.check(parameters.getExecutionContext());
		// Reached only when no limit threw.
		this.passed.add(parameters.getExecutionContext(), cost);
		return cost;
	}

}
