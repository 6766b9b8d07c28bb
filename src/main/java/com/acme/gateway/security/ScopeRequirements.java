package com.acme.gateway.security;

import java.util.Map;
import java.util.Optional;

/**
 * The scope each root field needs, decided by operation type and field name alone, so
 * that a mutation added later is covered before anyone remembers to list it.
 * <ul>
 * <li>every query field: {@link Scope#READ}, federation's {@code _service} and
 * {@code _entities} included (one underscore is not introspection);</li>
 * <li>mutation fields listed in {@link #MUTATIONS}; any other mutation field:
 * {@link Scope#WRITE} (the safe default: a new mutation changes data, and a mutation that
 * deletes must be listed as {@link Scope#DELETE} here, which a test of this table keeps
 * honest);</li>
 * <li>introspection ({@code __schema}, {@code __type}, {@code __typename}): no scope
 * beyond a valid token, so GraphiQL's Docs work for every caller.</li>
 * </ul>
 */
public final class ScopeRequirements {

	static final Map<String, Scope> MUTATIONS = Map.of("createSequenceState", Scope.WRITE, "pauseSequenceState",
			Scope.WRITE, "resumeSequenceState", Scope.WRITE, "finishSequenceState", Scope.WRITE, "deleteSequenceState",
			Scope.DELETE);

	private ScopeRequirements() {
	}

	/** The scope a root field needs, or empty when a valid token is enough. */
	public static Optional<Scope> forRootField(boolean mutation, String fieldName) {
		if (fieldName.startsWith("__")) {
			return Optional.empty();
		}
		if (mutation) {
			return Optional.of(MUTATIONS.getOrDefault(fieldName, Scope.WRITE));
		}
		// Query and Subscription only read.
		return Optional.of(Scope.READ);
	}

}
