package com.acme.gateway.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The operation names one instance tags its metrics with: the first {@code limit}
 * distinct names it sees, then {@value #OTHER} for any new one. Clients choose operation
 * names freely, and every distinct tag value is a time series of its own in the metrics
 * backend, so an unbounded set of names (generated ones, say) would grow the backend
 * without end. Each instance admits its own names; that is all a tag needs, and no other
 * instance depends on it.
 */
final class BoundedOperationNames {

	static final String ANONYMOUS = "anonymous";

	static final String OTHER = "other";

	/** GraphQL's own grammar for names, bounded in length. */
	private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");

	private final int limit;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	BoundedOperationNames(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("gateway.observations.operation-names must be 0 or more, not " + limit);
		}
		this.limit = limit;
	}

	String tagFor(@Nullable String operationName) {
		if (operationName == null || operationName.isEmpty()) {
			return ANONYMOUS;
		}
		if (this.admitted.contains(operationName)) {
			return operationName;
		}
		// A request that failed to parse still carries the name the client sent, whatever
		// it is.
		if (!NAME.matcher(operationName).matches()) {
			return OTHER;
		}
		synchronized (this.admitted) {
			if (this.admitted.size() >= this.limit) {
				return OTHER;
			}
			this.admitted.add(operationName);
			return operationName;
		}
	}

}
