package com.acme.gateway.http;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Bounds the size of every request and the time its body may take to arrive
 * ({@link BoundedRequestFilter}).
 */
@Configuration(proxyBeanMethods = false)
class BoundedRequests {

	@Bean
	FilterRegistrationBean<BoundedRequestFilter> boundedRequestFilter(RequestBodyProperties properties,
			JsonMapper json) {
		FilterRegistrationBean<BoundedRequestFilter> registration = new FilterRegistrationBean<>(
				new BoundedRequestFilter(properties, json));
		// Before security and everything else: no filter should read or wait for an
		// unbounded body.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
