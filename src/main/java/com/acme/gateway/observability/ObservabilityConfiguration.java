package com.acme.gateway.observability;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

/**
 * The convention Boot's GraphQL observation auto-configuration picks up for
 * {@code graphql.request}. Where the observations go (OTLP traces and metrics, both off
 * until an endpoint is configured) is Boot's own configuration, in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	@Bean
	ExecutionRequestObservationConvention operationNameObservationConvention(
			@Value("${gateway.observations.operation-names:100}") int operationNames) {
		return new OperationNameObservationConvention(new BoundedOperationNames(operationNames));
	}

}
