package com.acme.gateway.documents;

import java.util.Map;
import java.util.Optional;

import graphql.ExecutionInput;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;

/**
 * Apollo's automatic persisted queries ({@code extensions.persistedQuery.sha256Hash},
 * checked against the text) plus documents named by {@code documentId} alone, which the
 * {@link PersistedQueryCache} looks up in the manifest and the registry. A document id is
 * never checked against a text: the client sends none, the text comes from the gateway's
 * own records.
 */
class DocumentIdentity extends ApolloPersistedQuerySupport {

	/**
	 * Key under which POST bodies and GET parameters pass a {@code documentId} on, in the
	 * extensions.
	 */
	static final String DOCUMENT_ID = "documentId";

	/** A {@code documentId}, told apart from an APQ hash by its type. */
	record DocumentId(String value) {
	}

	DocumentIdentity(PersistedQueryCache cache) {
		super(cache);
	}

	static boolean namesPersistedDocument(Map<String, Object> extensions) {
		return extensions != null
				&& (extensions.get(DOCUMENT_ID) instanceof String || extensions.get("persistedQuery") instanceof Map);
	}

	@Override
	protected Optional<Object> getPersistedQueryId(ExecutionInput input) {
		if (input.getExtensions() != null && input.getExtensions().get(DOCUMENT_ID) instanceof String documentId) {
			return Optional.of(new DocumentId(documentId));
		}
		return super.getPersistedQueryId(input);
	}

	@Override
	protected boolean persistedQueryIdIsInvalid(Object persistedQueryId, String queryText) {
		return !(persistedQueryId instanceof DocumentId)
				&& super.persistedQueryIdIsInvalid(persistedQueryId, queryText);
	}

}
