package com.acme.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.GraphQLError;
import graphql.introspection.GoodFaithIntrospection;

/**
 * Maps every error classification that can reach a response, ours or the frameworks', to
 * an {@link ErrorCode}, so that clients can branch on {@code extensions.code} for every
 * error.
 */
final class ErrorCodes {

	private ErrorCodes() {
	}

	static ErrorCode of(GraphQLError error) {
		// graphql-java classifies it with an ad-hoc "BadFaithIntrospection", which is no
		// ErrorType.
		if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
			return ErrorCode.LIMIT_EXCEEDED;
		}
		return of(error.getErrorType());
	}

	static ErrorCode of(ErrorClassification classification) {
		if (classification instanceof ErrorCode code) {
			return code;
		}
		if (classification instanceof PersistedQueryNotFound) {
			return ErrorCode.PERSISTED_QUERY_NOT_FOUND;
		}
		if (classification instanceof PersistedQueryError) {
			// PersistedQueryIdInvalid: the hash sent is not the SHA-256 of the text sent.
			return ErrorCode.BAD_USER_INPUT;
		}
		if (classification instanceof graphql.ErrorType type) {
			return switch (type) {
				case InvalidSyntax, ValidationError, OperationNotSupported -> ErrorCode.BAD_USER_INPUT;
				case ExecutionAborted -> ErrorCode.LIMIT_EXCEEDED;
				case DataFetchingException, NullValueInNonNullableField -> ErrorCode.INTERNAL;
			};
		}
		if (classification instanceof org.springframework.graphql.execution.ErrorType type) {
			return switch (type) {
				case BAD_REQUEST -> ErrorCode.BAD_USER_INPUT;
				case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
				case FORBIDDEN -> ErrorCode.FORBIDDEN;
				case NOT_FOUND -> ErrorCode.NOT_FOUND;
				case INTERNAL_ERROR -> ErrorCode.INTERNAL;
			};
		}
		return ErrorCode.INTERNAL;
	}

	static Map<String, Object> withCode(Map<String, Object> extensions, ErrorCode code) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("code", code.name());
		if (extensions != null) {
			extensions.forEach((key, value) -> {
				if (!key.equals("code") && !key.equals("classification")) {
					result.put(key, value);
				}
			});
		}
		return result;
	}

}
