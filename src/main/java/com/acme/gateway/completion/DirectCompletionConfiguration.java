package com.acme.gateway.completion;

import java.util.HashMap;
import java.util.Map;

import graphql.schema.FieldCoordinates;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;

/**
 * Installs {@link DirectCompletionStrategy} as graphql-java's query strategy (on by default;
 * {@code gateway.graphql.direct-completion=false} restores graphql-java's own strategy, the
 * reference the equivalence tests compare against).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.graphql.direct-completion", havingValue = "true", matchIfMissing = true)
public class DirectCompletionConfiguration {

	/**
	 * A strategy given to graphql-java brings its own exception handler, so it gets the one Spring
	 * for GraphQL builds for the default strategy: from every {@link DataFetcherExceptionResolver}
	 * bean in order, as Spring Boot collects them.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer directCompletion(ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers,
			ObjectProvider<DirectFieldReaders> readerSources, MeterRegistry meters) {
		return builder -> builder.configureGraphQl(graphQl -> {
			Map<FieldCoordinates, DirectFieldReader> readers = new HashMap<>();
			readerSources.orderedStream().forEach(source -> readers.putAll(source.directFieldReaders()));
			graphQl.queryExecutionStrategy(new DirectCompletionStrategy(
					DataFetcherExceptionResolver.createExceptionHandler(exceptionResolvers.orderedStream().toList()),
					readers, meters));
		});
	}

}
