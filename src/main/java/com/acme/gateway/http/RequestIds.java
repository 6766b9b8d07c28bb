package com.acme.gateway.http;

import java.util.Map;

import com.acme.gateway.graphql.GatewayExceptionResolver;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * A request id in every log line of a request and in its {@code INTERNAL} errors
 * ({@link RequestIdFilter}).
 */
@Configuration(proxyBeanMethods = false)
class RequestIds {

	/**
	 * First of all filters, so that even a refused body's log line and answer carry the
	 * id.
	 */
	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Hands the id to the GraphQL execution, whose exception resolver may run on a thread
	 * without the request's MDC.
	 */
	@Bean
	WebGraphQlInterceptor requestIdInGraphQlContext() {
		return (request, chain) -> {
			Object requestId = request.getAttributes().get(RequestIdFilter.ATTRIBUTE);
			if (requestId != null) {
				request.configureExecutionInput((input, builder) -> builder
					.graphQLContext(Map.of(GatewayExceptionResolver.REQUEST_ID, requestId))
					.build());
			}
			return chain.next(request);
		};
	}

}
