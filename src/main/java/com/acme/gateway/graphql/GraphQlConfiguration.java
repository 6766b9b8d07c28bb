package com.acme.gateway.graphql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/** Wiring shared by every capability's schema file. */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

	/** The SDL declares {@code scalar DateTime}; this supplies its coercion. */
	@Bean
	RuntimeWiringConfigurer dateTimeScalar() {
		return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

	/**
	 * The SDL declares {@code scalar Long} (sums of counters); this supplies its
	 * coercion.
	 */
	@Bean
	RuntimeWiringConfigurer longScalar() {
		return wiring -> wiring.scalar(LongScalar.INSTANCE);
	}

	/**
	 * Gives each request a {@link QueuedLoadsDataLoaderRegistry}; Spring for GraphQL
	 * registers the batch loaders into a registry the request already has instead of
	 * making its own. {@code gateway.graphql.queued-loads-registry=false} leaves Spring's
	 * own registry, which dispatches every loader, for measuring what this one earns
	 * (benchmark/variants.sh).
	 */
	@Bean
	@ConditionalOnProperty(name = "gateway.graphql.queued-loads-registry", havingValue = "true", matchIfMissing = true)
	WebGraphQlInterceptor queuedLoadsDataLoaderRegistry() {
		return (request, chain) -> {
			request.configureExecutionInput(
					(input, builder) -> builder.dataLoaderRegistry(new QueuedLoadsDataLoaderRegistry()).build());
			return chain.next(request);
		};
	}

}
