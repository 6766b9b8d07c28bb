package com.acme.gateway.documents;

import com.acme.gateway.graphql.ParsedDocumentCache;
import com.acme.gateway.http.GatewayGraphQlHttpHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** Persisted queries, trusted documents, {@code documentId} requests and GET. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentsProperties.class)
public class DocumentsConfiguration {

	@Bean
	PersistedDocumentRegistry persistedDocumentRegistry(PersistedDocumentRepository repository,
			DocumentsProperties properties) {
		return new PersistedDocumentRegistry(repository, properties);
	}

	/**
	 * Read once at start-up: a broken manifest stops the gateway instead of refusing
	 * every request.
	 */
	@Bean
	DocumentManifest documentManifest(DocumentsProperties properties) {
		if (properties.manifest() == null) {
			if (properties.trustedOnly()) {
				throw new IllegalStateException(
						"gateway.documents.trusted-only=true needs gateway.documents.manifest (or only explore tokens could run anything)");
			}
			return DocumentManifest.empty();
		}
		return DocumentManifest.read(properties.manifest());
	}

	/**
	 * The only PreparsedDocumentProvider a GraphQL instance takes, so parsing, APQ and
	 * trust go through one.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer persistedDocumentProvider(ParsedDocumentCache parsedDocuments,
			DocumentManifest manifest, PersistedDocumentRegistry registry, DocumentsProperties properties) {
		PersistedDocumentProvider provider = new PersistedDocumentProvider(parsedDocuments, manifest, registry,
				properties.trustedOnly());
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
	}

	/**
	 * The gateway's POST handler, with a converter that keeps a POST body's
	 * {@code documentId}.
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, JsonMapper jsonMapper) {
		return new GatewayGraphQlHttpHandler(webGraphQlHandler,
				new DocumentIdRequestConverter(new JacksonJsonHttpMessageConverter(jsonMapper)));
	}

	/**
	 * Before Boot's GraphQL routes (order 0), whose GET on the endpoint only answers 405.
	 */
	@Bean
	@Order(-1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	RouterFunction<ServerResponse> graphQlGetRoute(WebGraphQlHandler webGraphQlHandler, JsonMapper jsonMapper,
			DocumentsProperties properties) {
		GetRequests getRequests = new GetRequests(webGraphQlHandler, jsonMapper, properties.getMaxAge().toSeconds());
		return RouterFunctions.route(RequestPredicates.GET("/graphql"), getRequests::handle);
	}

}
