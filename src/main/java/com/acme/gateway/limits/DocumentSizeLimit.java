package com.acme.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.acme.gateway.graphql.ErrorCode;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Refuses a query text larger than {@code gateway.limits.max-document-size} before it is
 * parsed: parsing and validating is work too, and proportional to the text.
 */
class DocumentSizeLimit implements WebGraphQlInterceptor {

	private final long maxBytes;

	DocumentSizeLimit(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String document = request.getDocument();
		if (document != null && exceedsLimit(document)) {
			ExecutionResult refused = ExecutionResult.newExecutionResult()
				.addError(GraphqlErrorBuilder.newError()
					.errorType(ErrorCode.LIMIT_EXCEEDED)
					.message("The query text is larger than the limit of " + this.maxBytes
							+ " bytes (gateway.limits.max-document-size); use fragments or split the request.")
					.extensions(Map.of("code", ErrorCode.LIMIT_EXCEEDED.name()))
					.build())
				.build();
			return Mono
				.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
		}
		return chain.next(request);
	}

	/** A char is 1 to 3 UTF-8 bytes: most texts are decided without encoding them. */
	private boolean exceedsLimit(String document) {
		if (document.length() > this.maxBytes) {
			return true;
		}
		if ((long) document.length() * 3 <= this.maxBytes) {
			return false;
		}
		return document.getBytes(StandardCharsets.UTF_8).length > this.maxBytes;
	}

}
