package com.acme.gateway.limits;

import java.util.ArrayList;
import java.util.List;

import com.acme.gateway.graphql.PagingProperties;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The limits that keep one request from hurting the others. The operation checks run
 * after validation and before the first field, hence before any SQL.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsConfiguration {

	/**
	 * Not an {@link Instrumentation} bean itself: alone, the limits run as graphql-java's
	 * only instrumentation, without the chain that Spring Boot would build and that runs
	 * for every field (see {@link OperationLimits}). This customizer runs after Boot has
	 * set its instrumentation and replaces it, so it composes the {@link Instrumentation}
	 * beans Boot collected (observations, say) behind the limits, which then refuse an
	 * operation before any of them sees it.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer operationLimits(LimitsProperties limits, PagingProperties paging,
			ObjectProvider<Instrumentation> instrumentations) {
		OperationLimits operationLimits = new OperationLimits(
				List.of(new DepthLimit(limits.maxDepth()), new AliasLimit(limits.maxAliases())),
				new CostLimit(limits.maxCost(), new QueryCost(limits, paging.defaultSize())));
		return builder -> builder.configureGraphQl(graphQl -> graphQl
			.instrumentation(withLimitsFirst(operationLimits, instrumentations.orderedStream().toList())));
	}

	static Instrumentation withLimitsFirst(Instrumentation limits, List<Instrumentation> others) {
		if (others.isEmpty()) {
			return limits;
		}
		List<Instrumentation> chain = new ArrayList<>(1 + others.size());
		chain.add(limits);
		chain.addAll(others);
		return new ChainedInstrumentation(chain);
	}

	/**
	 * First in the chain after the rate limit (which charges a refused text its point):
	 * nothing else should look at a text that is too large.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	WebGraphQlInterceptor documentSizeLimit(LimitsProperties limits) {
		return new DocumentSizeLimit(limits.maxDocumentSize().toBytes());
	}

	/**
	 * jOOQ hands the timeout to JDBC's {@code setQueryTimeout}, on which PgJDBC sends
	 * PostgreSQL a cancel request: the statement stops on the server, not just in the
	 * gateway. JDBC counts whole seconds, so the timeout is rounded up.
	 */
	@Bean
	DefaultConfigurationCustomizer statementTimeout(LimitsProperties limits) {
		int seconds = (int) Math.max(1, (limits.statementTimeout().toMillis() + 999) / 1000);
		return configuration -> configuration.settings().setQueryTimeout(seconds);
	}

}
