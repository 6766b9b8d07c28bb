package com.acme.gateway.graphql;

/**
 * Reads GraphQL {@code ID} arguments. Every id in this API is a positive {@code bigint};
 * a client that sends anything else gets {@link ErrorCode#BAD_USER_INPUT} naming the
 * argument, instead of a conversion failure deep in the stack.
 */
public final class Ids {

	private Ids() {
	}

	public static long parse(String value, String argumentName) {
		try {
			long id = Long.parseLong(value.strip());
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// fall through to the one message for every malformed id
		}
		throw new InvalidInputException(
				"%s must be a positive integer id, but was \"%s\"".formatted(argumentName, abbreviate(value)));
	}

	/** Keeps a hostile megabyte-long value out of the error message (and the logs). */
	static String abbreviate(String value) {
		return (value.length() <= 40) ? value : value.substring(0, 40) + "…";
	}

}
