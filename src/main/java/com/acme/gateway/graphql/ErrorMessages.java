package com.acme.gateway.graphql;

import java.util.regex.Pattern;

/**
 * Rewrites graphql-java validation messages that print its syntax-tree classes. A literal
 * of the wrong type comes back as "argument 'first' with value
 * 'IntValue{value=99999999999999999999}' is not a valid 'Int' - Expected an AST type of
 * 'IntValue' but it was a 'FloatValue'": class names the API promises never to show, and
 * nothing a client can act on beyond the argument and type.
 */
final class ErrorMessages {

	/**
	 * Greedy up to the last "is not a valid": the printed value may itself contain
	 * quotes.
	 */
	private static final Pattern PRINTED_VALUE = Pattern.compile("with value '.*' is not a valid '");

	private static final Pattern AST_TYPE = Pattern
		.compile("an AST type of '(\\w+?)Value' but it was an? '(\\w+?)Value'");

	/**
	 * An enum literal printed as its syntax-tree node: {@code 'EnumValue{name='NOPE'}'}.
	 */
	private static final Pattern ENUM_LITERAL = Pattern.compile("EnumValue\\{name='(\\w+)'\\}");

	private static final Pattern ANY_AST_VALUE = Pattern
		.compile("\\b(Int|Float|String|Boolean|Enum|Null|Array|Object)Value\\b");

	private ErrorMessages() {
	}

	static String withoutSyntaxTreeNames(String message) {
		if (message == null || !message.contains("Value")) {
			return message;
		}
		String cleaned = PRINTED_VALUE.matcher(message).replaceFirst("has a value that is not a valid '");
		cleaned = ENUM_LITERAL.matcher(cleaned).replaceAll("$1");
		cleaned = AST_TYPE.matcher(cleaned).replaceAll("a $1 literal but it was a $2 literal");
		return ANY_AST_VALUE.matcher(cleaned).replaceAll("$1 literal");
	}

}
