package com.acme.gateway.ratelimit;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Spring for GraphQL's HTTP handler, answering HTTP 429 to a request refused by the rate limit
 * (its one error is {@code RATE_LIMITED}); every other answer keeps the status the framework
 * gives it. An interceptor can set headers but not the status, hence this subclass.
 */
class RateLimitedStatusHttpHandler extends GraphQlHttpHandler {

	RateLimitedStatusHttpHandler(WebGraphQlHandler graphQlHandler) {
		super(graphQlHandler);
	}

	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
		if (RateLimitInterceptor.isRateLimited(response.getExecutionResult())) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		return super.selectResponseStatus(response, responseMediaType);
	}

}
