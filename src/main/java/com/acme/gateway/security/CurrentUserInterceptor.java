package com.acme.gateway.security;

import java.time.Instant;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Makes the request's {@link CurrentUser} available to every data fetcher through the
 * GraphQL context under {@link CurrentUser#CONTEXT_KEY}: scope checks and
 * {@code canDelete} read it there, so they need neither SQL nor thread-locals. The
 * token's expiry goes along under {@link TokenExpiry#CONTEXT_KEY}. A WebSocket request's
 * attributes are its session's, where {@code WebSocketConnections} put the user of the
 * connection's token.
 */
@Component
public class CurrentUserInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Object user = request.getAttributes().get(CurrentUserRequestFilter.ATTRIBUTE);
		if (user instanceof CurrentUser currentUser) {
			Map<String, Object> context = (request.getAttributes()
				.get(TokenExpiry.REQUEST_ATTRIBUTE) instanceof Instant expiresAt)
						? Map.of(CurrentUser.CONTEXT_KEY, currentUser, TokenExpiry.CONTEXT_KEY, expiresAt)
						: Map.of(CurrentUser.CONTEXT_KEY, currentUser);
			request.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
		}
		return chain.next(request);
	}

}
