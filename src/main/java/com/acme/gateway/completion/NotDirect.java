package com.acme.gateway.completion;

/**
 * Thrown inside a direct completion when a value is not what the plan can handle (a null
 * in a non-null field, a future, a value a scalar refuses); the object is then completed
 * again by graphql-java's own code, which reports the problem the standard way. Without a
 * stack trace: it is control flow, thrown from one place and caught in one place.
 */
final class NotDirect extends RuntimeException {

	static final NotDirect INSTANCE = new NotDirect();

	private NotDirect() {
		super("value cannot be completed directly", null, false, false);
	}

}
