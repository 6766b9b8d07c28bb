package com.acme.gateway.completion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLScalarType;

/**
 * Turns a field's fetched value into its place in the response, as graphql-java's
 * {@code ExecutionStrategy.completeValue} does for the same type: scalars and enums
 * serialized by the schema's own coercing, objects by their {@link CompletionPlan}, lists
 * item by item.
 */
sealed interface ValueCompleter {

	Object complete(Object value, Object localContext, Completion completion);

	/** Unboxes the value and enforces the field's nullability, then hands it on. */
	record Nullable(ValueCompleter inner, boolean nonNull) implements ValueCompleter {

		@Override
		public Object complete(Object value, Object localContext, Completion completion) {
			Object unboxed = completion.unboxer().unbox(value);
			if (unboxed == null) {
				// graphql-java would null the nearest nullable parent and add an error:
				// let it.
				if (this.nonNull) {
					throw NotDirect.INSTANCE;
				}
				return null;
			}
			Object completed = this.inner.complete(unboxed, localContext, completion);
			if (completed == null && this.nonNull) {
				throw NotDirect.INSTANCE;
			}
			return completed;
		}

	}

	record Scalar(GraphQLScalarType type) implements ValueCompleter {

		@Override
		public Object complete(Object value, Object localContext, Completion completion) {
			try {
				return this.type.getCoercing().serialize(value, completion.graphQLContext(), completion.locale());
			}
			catch (CoercingSerializeException ex) {
				throw NotDirect.INSTANCE;
			}
		}

	}

	record Enum(GraphQLEnumType type) implements ValueCompleter {

		@Override
		public Object complete(Object value, Object localContext, Completion completion) {
			try {
				return this.type.serialize(value, completion.graphQLContext(), completion.locale());
			}
			catch (CoercingSerializeException ex) {
				throw NotDirect.INSTANCE;
			}
		}

	}

	/**
	 * An object: the local context passes down unchanged, as graphql-java passes it to
	 * child fields.
	 */
	record ObjectValue(CompletionPlan plan) implements ValueCompleter {

		@Override
		public Object complete(Object value, Object localContext, Completion completion) {
			return this.plan.complete(value, localContext, completion);
		}

	}

	record ListOf(ValueCompleter item) implements ValueCompleter {

		@Override
		public Object complete(Object value, Object localContext, Completion completion) {
			if (!(value instanceof Iterable<?> items)) {
				throw NotDirect.INSTANCE;
			}
			List<Object> completed = (value instanceof Collection<?> collection) ? new ArrayList<>(collection.size())
					: new ArrayList<>();
			for (Object item : items) {
				completed.add(this.item.complete(item, localContext, completion));
			}
			return completed;
		}

	}

}
