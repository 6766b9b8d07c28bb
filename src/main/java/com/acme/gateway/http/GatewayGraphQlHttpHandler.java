package com.acme.gateway.http;

import com.acme.gateway.graphql.ErrorCode;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * Spring for GraphQL's HTTP handler for POST, with the request converter the caller gives
 * (the documents capability keeps a body's {@code documentId} with it) and HTTP 429 for
 * an answer whose one error is {@code RATE_LIMITED}; every other answer keeps the status
 * the framework gives it.
 * <p>
 * There is one such handler because Boot backs off from its own as soon as any is
 * defined; an interceptor can set headers but not the status, hence the subclass.
 */
public class GatewayGraphQlHttpHandler extends GraphQlHttpHandler {

	public GatewayGraphQlHttpHandler(WebGraphQlHandler graphQlHandler, HttpMessageConverter<Object> requestConverter) {
		super(graphQlHandler, requestConverter);
	}

	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
		if (isRateLimited(response)) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		return super.selectResponseStatus(response, responseMediaType);
	}

	/**
	 * Whether the answer is the rate limit's refusal: its one error is
	 * {@code RATE_LIMITED}.
	 */
	public static boolean isRateLimited(WebGraphQlResponse response) {
		var errors = response.getExecutionResult().getErrors();
		return errors.size() == 1 && errors.get(0).getErrorType() == ErrorCode.RATE_LIMITED;
	}

}
