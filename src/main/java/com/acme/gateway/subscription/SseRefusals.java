package com.acme.gateway.subscription;

import graphql.ExecutionResult;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Keeps the reason when a subscription over Server-Sent Events is refused before it
 * starts (an operation limit, a validation error). Spring's SSE handler streams only a
 * result whose data is a stream; any other it replaces by one uncoded "SSE handler
 * supports only subscriptions", so the client would never see {@code LIMIT_EXCEEDED}.
 * Such a refusal is turned into a stream of that one result: the client gets a
 * {@code next} event with the errors, then {@code complete}, as over WebSocket. Queries
 * sent as SSE (data, no errors) still get Spring's answer.
 *
 * <p>
 * Ordered outside every interceptor but the rate limit, so it streams the errors as the
 * others left them (with their {@code extensions.code}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SseRefusals implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest || !acceptsEventStream(request)) {
			return chain.next(request);
		}
		return chain.next(request).map(response -> {
			if (response.getData() instanceof Publisher<?> || response.getData() != null
					|| response.getErrors().isEmpty()) {
				return response;
			}
			ExecutionResult refusal = ExecutionResult.newExecutionResult()
				.errors(response.getExecutionResult().getErrors())
				.build();
			return response.transform(builder -> builder.data(Mono.just(refusal)));
		});
	}

	private static boolean acceptsEventStream(WebGraphQlRequest request) {
		return request.getHeaders().getAccept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::isCompatibleWith)
				&& !request.getHeaders().getAccept().contains(MediaType.ALL);
	}

}
