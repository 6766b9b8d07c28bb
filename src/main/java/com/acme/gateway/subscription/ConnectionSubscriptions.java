package com.acme.gateway.subscription;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Gives each operation of a WebSocket connection the count of that connection's open
 * subscriptions, kept in the session's attributes (so it goes when the connection goes),
 * under {@link #CONTEXT_KEY} in the GraphQL context. Over Server-Sent Events a request is
 * one subscription, so there is nothing to count per connection.
 */
@Component
class ConnectionSubscriptions implements WebGraphQlInterceptor {

	static final String CONTEXT_KEY = ConnectionSubscriptions.class.getName();

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest webSocketRequest) {
			Object open = webSocketRequest.getSessionInfo()
				.getAttributes()
				.computeIfAbsent(CONTEXT_KEY, key -> new AtomicInteger());
			request
				.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CONTEXT_KEY, open)).build());
		}
		return chain.next(request);
	}

}
