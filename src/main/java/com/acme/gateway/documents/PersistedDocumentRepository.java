package com.acme.gateway.documents;

import static com.acme.gateway.database.generated.Tables.PERSISTED_DOCUMENT;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

/** The shared registry of automatic persisted queries: hash to text, in PostgreSQL. */
@Repository
class PersistedDocumentRepository {

	private final DSLContext dsl;

	PersistedDocumentRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** The text registered under this hash, or null. */
	String findBody(String sha256Hash) {
		return this.dsl.select(PERSISTED_DOCUMENT.BODY)
			.from(PERSISTED_DOCUMENT)
			.where(PERSISTED_DOCUMENT.SHA256_HASH.eq(sha256Hash))
			.fetchOne(PERSISTED_DOCUMENT.BODY);
	}

	int count() {
		return this.dsl.fetchCount(PERSISTED_DOCUMENT);
	}

	/**
	 * Registers a text whose hash was checked. Another instance may register the same
	 * document at the same moment; the hash names one text, so whichever row lands first
	 * is the right one.
	 */
	void insert(String sha256Hash, String body) {
		this.dsl.insertInto(PERSISTED_DOCUMENT)
			.set(PERSISTED_DOCUMENT.SHA256_HASH, sha256Hash)
			.set(PERSISTED_DOCUMENT.BODY, body)
			.onConflictDoNothing()
			.execute();
	}

}
