package com.acme.gateway.federation;

import graphql.schema.GraphQLSchema;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.federation.FederationSchemaFactory;

/**
 * Builds the schema with Spring for GraphQL's {@link FederationSchemaFactory}: it adds
 * {@code _service}, {@code _entities} and the {@code _Entity} union of the {@code @key}
 * types, and sends each representation to the {@code @EntityMapping} method of its type
 * ({@link FederatedEntities}). Everything else about the schema (runtime wiring, type
 * visitors, the completion strategy, instrumentation) is applied by Spring Boot as
 * without federation.
 */
@Configuration(proxyBeanMethods = false)
public class FederationConfiguration {

	@Bean
	FederationSchemaFactory federationSchemaFactory() {
		return new FederationSchemaFactory();
	}

	/**
	 * The representations are checked before the factory's entity fetcher sees them, so
	 * that a bad one fails alone (see {@link RepresentationGuard}); wrapped here, before
	 * the type visitors, so the scope check still runs first.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer federationSchema(FederationSchemaFactory factory) {
		return builder -> builder.schemaFactory((registry, wiring) -> {
			GraphQLSchema schema = factory.createGraphQLSchema(registry, wiring);
			return RepresentationGuard.install(schema);
		});
	}

}
