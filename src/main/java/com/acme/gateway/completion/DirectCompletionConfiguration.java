package com.acme.gateway.completion;

import java.util.HashMap;
import java.util.Map;

import com.acme.gateway.sequencestate.SequenceStateLink;
import com.acme.gateway.sequencestate.SequenceStateLinks;
import graphql.schema.FieldCoordinates;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;

/**
 * Installs {@link DirectCompletionStrategy} as graphql-java's query strategy (on by
 * default; {@code gateway.graphql.direct-completion=false} restores graphql-java's own
 * strategy, the reference the equivalence tests compare against).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.graphql.direct-completion", havingValue = "true", matchIfMissing = true)
public class DirectCompletionConfiguration {

	/**
	 * A strategy given to graphql-java brings its own exception handler, so it gets the
	 * one Spring for GraphQL builds for the default strategy: from every
	 * {@link DataFetcherExceptionResolver} bean in order, as Spring Boot collects them.
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

	/**
	 * A state's to-one link that its query joined is read straight from the joined row;
	 * the registration lives here, with the engine, so that {@code sequencestate} knows
	 * nothing of it.
	 */
	@Bean
	DirectFieldReaders sequenceStateLinkReaders(SequenceStateLinks links) {
		return () -> {
			Map<FieldCoordinates, DirectFieldReader> readers = new HashMap<>();
			links.links()
				.forEach(link -> readers.put(FieldCoordinates.coordinates("SequenceState", link.field()),
						(source, localContext) -> joinedOrUnavailable(link, source, localContext)));
			return readers;
		};
	}

	private static Object joinedOrUnavailable(SequenceStateLink<?> link, Object source, Object localContext) {
		Object joined = link.readJoined(source, localContext);
		return (joined != SequenceStateLink.NOT_JOINED) ? joined : DirectFieldReader.UNAVAILABLE;
	}

}
