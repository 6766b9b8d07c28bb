package com.acme.gateway.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves GraphiQL at {@code /graphiql} with our own page, which is Spring's page plus a
 * {@code defaultQuery}: Spring's page has no way to set one, and an analyst's first look should
 * be a query that runs and shows the shape of the data. Boot's own GraphiQL route stays off
 * ({@code spring.graphql.graphiql.enabled=false}); {@code gateway.graphiql.enabled=false}
 * removes this one too, for production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.graphiql.enabled", havingValue = "true", matchIfMissing = true)
public class GraphiQlConfiguration {

	@Bean
	RouterFunction<ServerResponse> graphiQlRoute(@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		GraphiQlHandler handler = new GraphiQlHandler(graphQlPath, null,
				new ClassPathResource("graphiql/gateway.html"));
		return RouterFunctions.route(RequestPredicates.GET("/graphiql"), handler::handleRequest);
	}

}
