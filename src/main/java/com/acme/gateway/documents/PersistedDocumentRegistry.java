package com.acme.gateway.documents;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Which text an automatic-persisted-query hash names: remembered per instance in front of
 * the table every instance shares, so a hash costs SQL once per instance and is known to
 * all of them.
 * <p>
 * Bounded by refusing, not evicting: once {@code gateway.documents.max-registered} rows
 * exist a new registration is a {@code LIMIT_EXCEEDED} error (the client may still send
 * its text without a hash). Evicting would let a client that sends many throwaway
 * documents push out the ones real clients depend on. Two instances registering at once
 * may overshoot the bound by a few rows.
 */
class PersistedDocumentRegistry {

	private final PersistedDocumentRepository repository;

	private final DocumentsProperties properties;

	/** Hashes never change their text, so a remembered text never goes stale. */
	private final Cache<String, String> bodiesByHash;

	PersistedDocumentRegistry(PersistedDocumentRepository repository, DocumentsProperties properties) {
		this.repository = repository;
		this.properties = properties;
		this.bodiesByHash = Caffeine.newBuilder().maximumSize(Math.max(properties.maxRegistered(), 1)).build();
	}

	/** The registered text, or null when no instance has registered this hash. */
	String find(String sha256Hash) {
		String known = this.bodiesByHash.getIfPresent(sha256Hash);
		if (known != null) {
			return known;
		}
		String body = this.repository.findBody(sha256Hash);
		if (body != null) {
			this.bodiesByHash.put(sha256Hash, body);
		}
		return body;
	}

	/** Registers a text whose hash has been checked and that parsed and validated. */
	void register(String sha256Hash, String body) {
		if (body.length() > this.properties.maxDocumentSize().toBytes()) {
			throw new GatewayException(ErrorCode.LIMIT_EXCEEDED,
					"This document is too large to persist (at most " + this.properties.maxDocumentSize()
							+ ", gateway.documents.max-document-size); send it without a hash.");
		}
		if (this.repository.count() >= this.properties.maxRegistered()) {
			throw new GatewayException(ErrorCode.LIMIT_EXCEEDED,
					"The registry of persisted documents is full (" + this.properties.maxRegistered()
							+ ", gateway.documents.max-registered); send the document without a hash.");
		}
		this.repository.insert(sha256Hash, body);
		this.bodiesByHash.put(sha256Hash, body);
	}

	/** Forgets what this instance remembers, as a freshly started instance would. */
	void forgetLocally() {
		this.bodiesByHash.invalidateAll();
	}

}
