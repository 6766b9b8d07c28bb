package com.acme.gateway.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import graphql.execution.DataFetcherResult;

/**
 * The selection on one object type, compiled: for each response key (aliases and
 * fragments already resolved), how to read the value from the parent and how to complete
 * it. Completing an object is then a loop over its fields, with no per-field environment,
 * step info, future or instrumentation call; those are what a 50-state page spends most
 * of its time on otherwise.
 */
final class CompletionPlan {

	private final List<String> keys;

	private final List<Field> fields;

	CompletionPlan(List<String> keys, List<Field> fields) {
		this.keys = List.copyOf(keys);
		this.fields = List.copyOf(fields);
	}

	/**
	 * The response map of {@code source}, or {@link NotDirect} when a value does not fit
	 * the plan.
	 */
	Map<String, Object> complete(Object source, Object localContext, Completion completion) {
		List<Object> values = new ArrayList<>(this.fields.size());
		for (Field field : this.fields) {
			Object value = field.reader().read(source, localContext);
			if (value == DirectFieldReader.UNAVAILABLE || value instanceof CompletionStage<?>
					|| value instanceof DataFetcherResult<?>) {
				// Asynchronous or carrying errors and context: graphql-java's own path
				// handles those.
				throw NotDirect.INSTANCE;
			}
			values.add(field.completer().complete(value, localContext, completion));
		}
		return completion.responseMaps().createInsertionOrdered(this.keys, values);
	}

	/** One response key's reader and completer. */
	record Field(DirectFieldReader reader, ValueCompleter completer) {
	}

}
