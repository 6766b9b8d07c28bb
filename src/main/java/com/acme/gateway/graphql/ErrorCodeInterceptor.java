package com.acme.gateway.graphql;

import java.util.List;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every error of every response an {@code extensions.code}: errors raised before
 * execution (syntax, validation, variable coercion) come from graphql-java with its own
 * classifications, and this is the one place that sees them all. It also takes
 * graphql-java's syntax-tree class names out of their messages ({@link ErrorMessages})
 * and names the argument path of an invalid enum value sent in a variable
 * ({@link VariableValuePaths}).
 */
@Component
public class ErrorCodeInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			if (errors.isEmpty()) {
				return response;
			}
			List<GraphQLError> withCodes = errors.stream().map(error -> withCode(error, request)).toList();
			return response.transform(builder -> builder.errors(withCodes));
		});
	}

	private static GraphQLError withCode(GraphQLError error, WebGraphQlRequest request) {
		ErrorCode code = ErrorCodes.of(error);
		String message = VariableValuePaths.withArgumentPath(error.getMessage(), request.getDocument(),
				request.getVariables());
		return GraphqlErrorBuilder.newError()
			.message(ErrorMessages.withoutSyntaxTreeNames(message))
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(code)
			.extensions(ErrorCodes.withCode(error.getExtensions(), code))
			.build();
	}

}
