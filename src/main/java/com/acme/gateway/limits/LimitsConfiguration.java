package com.acme.gateway.limits;

import java.util.List;

import com.acme.gateway.graphql.PagingProperties;
import graphql.execution.instrumentation.Instrumentation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * The limits that keep one request from hurting the others. The operation checks run after
 * validation and before the first field, hence before any SQL.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsConfiguration {

	/**
	 * Installed as graphql-java's only instrumentation rather than as {@link Instrumentation}
	 * beans, which Spring Boot would wrap in a chain that runs for every field (see
	 * {@link OperationLimits}); this customizer runs after Boot has set that chain and replaces it.
	 * Nothing else in this application instruments graphql-java.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer operationLimits(LimitsProperties limits, PagingProperties paging) {
		OperationLimits operationLimits = new OperationLimits(
				List.of(new DepthLimit(limits.maxDepth()), new AliasLimit(limits.maxAliases())),
				new CostLimit(limits.maxCost(), new QueryCost(limits, paging.defaultSize())));
		return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(operationLimits));
	}

	/**
	 * First in the chain after the rate limit (which charges a refused text its point): nothing
	 * else should look at a text that is too large.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	WebGraphQlInterceptor documentSizeLimit(LimitsProperties limits) {
		return new DocumentSizeLimit(limits.maxDocumentSize().toBytes());
	}

	/**
	 * jOOQ hands the timeout to JDBC's {@code setQueryTimeout}, on which PgJDBC sends PostgreSQL a
	 * cancel request: the statement stops on the server, not just in the gateway. JDBC counts whole
	 * seconds, so the timeout is rounded up.
	 */
	@Bean
	DefaultConfigurationCustomizer statementTimeout(LimitsProperties limits) {
		int seconds = (int) Math.max(1, (limits.statementTimeout().toMillis() + 999) / 1000);
		return configuration -> configuration.settings().setQueryTimeout(seconds);
	}

}
