package com.acme.gateway.graphql;

import java.util.List;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;

/**
 * Tells a document the parser gave up on for its size (graphql-java's
 * {@code ParserOptions}: more than 15,000 tokens, 200,000 whitespace tokens, 1 MB of text
 * or 500 nested grammar rules) from a document with a syntax error: the first is
 * {@link ErrorCode#LIMIT_EXCEEDED}, the second {@link ErrorCode#BAD_USER_INPUT}.
 * <p>
 * graphql-java reports both as the same {@code InvalidSyntax} error and drops the
 * exception that said which, so a failed parse is parsed once more to see it. Only
 * documents that failed to parse pay for that, and the parsed-document cache remembers
 * the answer.
 */
final class ParseCancellations {

	private ParseCancellations() {
	}

	static PreparsedDocumentEntry classify(ExecutionInput input, PreparsedDocumentEntry entry) {
		if (!entry.hasErrors() || !(entry.getErrors().get(0) instanceof InvalidSyntaxError)) {
			return entry;
		}
		InvalidSyntaxException syntax = ParseAndValidate.parse(input).getSyntaxException();
		if (!isCancelledForSize(syntax)) {
			return entry;
		}
		InvalidSyntaxError reported = syntax.toInvalidSyntaxError();
		GraphQLError limitExceeded = GraphqlErrorBuilder.newError()
			.errorType(ErrorCode.LIMIT_EXCEEDED)
			.message(reported.getMessage() + " Send a smaller document.")
			.locations(reported.getLocations())
			.build();
		return new PreparsedDocumentEntry(List.of(limitExceeded));
	}

	/**
	 * Three unrelated subclasses: tokens and whitespace tokens, characters, rule depth.
	 */
	private static boolean isCancelledForSize(InvalidSyntaxException syntax) {
		return syntax instanceof ParseCancelledException || syntax instanceof ParseCancelledTooManyCharsException
				|| syntax instanceof ParseCancelledTooDeepException;
	}

}
