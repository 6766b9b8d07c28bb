package com.acme.gateway.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct query text once. Frontends and BFFs send the same
 * few documents over and over with other variables, and parsing plus validation is a
 * large share of graphql-java's work for a small query.
 *
 * <p>
 * Safe because validation depends on the document and the schema only, never on
 * variables; every check that depends on variables or on the caller (cost, depth,
 * aliases, scopes) runs per execution. Documents that failed validation are cached with
 * their errors too, so a client repeating a broken query does not cost a parse each time.
 * The size is bounded ({@code gateway.graphql.document-cache-size}), and documents are at
 * most 32 KB.
 */
@Configuration(proxyBeanMethods = false)
public class ParsedDocumentCacheConfiguration {

	/**
	 * The cache itself; {@code documents.DocumentsConfiguration} puts it behind the one
	 * {@code PreparsedDocumentProvider} a GraphQL instance takes, together with persisted
	 * queries.
	 */
	@Bean
	ParsedDocumentCache parsedDocumentCache(@Value("${gateway.graphql.document-cache-size:500}") int maximumDocuments) {
		return new ParsedDocumentCache(maximumDocuments);
	}

}
