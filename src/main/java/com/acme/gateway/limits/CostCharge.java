package com.acme.gateway.limits;

/**
 * Takes an operation's {@link QueryCost} once the depth, cost and alias limits have
 * passed and before the first field runs: the rate limit's hook. A request puts one into
 * its GraphQL context under {@link #CONTEXT_KEY}; {@code OperationLimits} calls it
 * exactly once per executed operation. To refuse the operation, {@link #charge} throws
 * graphql-java's {@code AbortExecutionException} carrying the error to answer with:
 * nothing runs then. A request that never reaches execution (a syntax or validation
 * error, a limit that refused it) is never charged here, so whoever installed the charge
 * must notice that for itself.
 */
@FunctionalInterface
public interface CostCharge {

	/** Key of the request's charge in the GraphQL context. */
	String CONTEXT_KEY = CostCharge.class.getName();

	/**
	 * @param cost the operation's computed cost, 0 for introspection only
	 */
	void charge(int cost);

}
