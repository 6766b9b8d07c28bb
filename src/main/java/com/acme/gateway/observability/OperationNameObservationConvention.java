package com.acme.gateway.observability;

import graphql.execution.ExecutionContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Spring for GraphQL's {@code graphql.request} observation with the operation name as a
 * low-cardinality tag, so that metrics (not only traces) tell one operation from another.
 * The default convention keeps the name high-cardinality (traces only), since clients
 * choose it; here {@link BoundedOperationNames} bounds its values instead.
 */
class OperationNameObservationConvention extends DefaultExecutionRequestObservationConvention {

	static final String OPERATION_NAME = "graphql.operation.name";

	private final BoundedOperationNames names;

	OperationNameObservationConvention(BoundedOperationNames names) {
		this.names = names;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context)
			.and(KeyValue.of(OPERATION_NAME, this.names.tagFor(executedOperationName(context))));
	}

	/** The execution id only: the operation name is now a low-cardinality key. */
	@Override
	public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return KeyValues.of(executionId(context));
	}

	/**
	 * The name of the operation that ran, which a document with one named operation has
	 * even when the request names none; the requested name when the document never got
	 * that far.
	 */
	private static @Nullable String executedOperationName(ExecutionRequestObservationContext context) {
		ExecutionContext execution = context.getExecutionContext();
		if (execution != null && execution.getOperationDefinition() != null) {
			return execution.getOperationDefinition().getName();
		}
		return context.getExecutionInput().getOperationName();
	}

}
