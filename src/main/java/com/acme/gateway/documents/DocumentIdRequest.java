package com.acme.gateway.documents;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;

import org.springframework.graphql.server.support.SerializableGraphQlRequest;

/**
 * A POST body that may name its document by {@code documentId} instead of sending its
 * text (GraphQL over HTTP's persisted documents). Spring for GraphQL reads only
 * {@code query}, {@code operationName}, {@code variables} and {@code extensions}; this
 * passes the id on in the extensions, where {@link DocumentIdentity} finds it, and stands
 * in graphql-java's marker for the missing text, as Spring does for a bare APQ hash.
 */
public class DocumentIdRequest extends SerializableGraphQlRequest {

	private String documentId;

	public void setDocumentId(String documentId) {
		this.documentId = documentId;
	}

	public String getDocumentId() {
		return this.documentId;
	}

	@Override
	public String getDocument() {
		if (getQuery() == null && this.documentId != null) {
			return PersistedQuerySupport.PERSISTED_QUERY_MARKER;
		}
		return super.getDocument();
	}

	@Override
	public Map<String, Object> getExtensions() {
		if (this.documentId == null) {
			return super.getExtensions();
		}
		Map<String, Object> extensions = new LinkedHashMap<>(super.getExtensions());
		extensions.put(DocumentIdentity.DOCUMENT_ID, this.documentId);
		return extensions;
	}

}
