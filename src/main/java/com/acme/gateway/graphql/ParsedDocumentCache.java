package com.acme.gateway.graphql;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;

/**
 * Each distinct query text, parsed and validated once per instance, whoever sends it and
 * however it arrives (as text, by persisted-query hash or by document id): the key is the
 * text itself. See {@link ParsedDocumentCacheConfiguration} for why this is safe.
 */
public final class ParsedDocumentCache {

	private final Cache<String, PreparsedDocumentEntry> entries;

	ParsedDocumentCache(int maximumDocuments) {
		this.entries = Caffeine.newBuilder().maximumSize(maximumDocuments).build();
	}

	/**
	 * The cached entry of {@code input}'s text, computing it with
	 * {@code parseAndValidate} the first time; a document the parser gave up on for its
	 * size is kept as {@code LIMIT_EXCEEDED} ({@link ParseCancellations}).
	 */
	public PreparsedDocumentEntry get(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return this.entries.get(input.getQuery(),
				text -> ParseCancellations.classify(input, parseAndValidate.apply(input)));
	}

	/**
	 * Whether this text has been parsed on this instance already (for tests and
	 * diagnosis).
	 */
	public boolean contains(String text) {
		return this.entries.getIfPresent(text) != null;
	}

	/** Forgets every parsed document, as a freshly started instance would. */
	public void clear() {
		this.entries.invalidateAll();
	}

}
