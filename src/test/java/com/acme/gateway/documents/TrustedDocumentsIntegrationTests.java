package com.acme.gateway.documents;

import java.util.Map;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Trusted-only mode with an Apollo {@code persisted-query-manifest.json}. */
@TestPropertySource(properties = { "gateway.documents.trusted-only=true",
		"gateway.documents.manifest=classpath:documents/apollo-manifest.json" })
class TrustedDocumentsIntegrationTests extends IntegrationTest {

	/** The manifest's first operation; its id is the SHA-256 of this text. */
	static final String STATE_COUNT = "query StateCount { sequenceStates(first: 1) { totalCount } }";

	static final String STATE_COUNT_ID = "54e8248655b574164e844e8c831fd9f66529a86bae579866c1ba9e06d2c54dd5";

	@Test
	void runsManifestDocumentSentInFull() {
		post(Map.of("query", STATE_COUNT), TestTokens.ALL).expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0)
			.jsonPath("$.errors")
			.doesNotExist();
	}

	@Test
	void runsManifestDocumentNamedByDocumentId() {
		post(Map.of("documentId", STATE_COUNT_ID), TestTokens.ALL).expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0)
			.jsonPath("$.errors")
			.doesNotExist();
	}

	@Test
	void runsManifestDocumentByItsApqHash() {
		post(Map.of("extensions", PersistedQueryIntegrationTests.apq(STATE_COUNT_ID)), TestTokens.ALL).expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0);
	}

	@Test
	void runsManifestDocumentByDocumentIdOverGet() {
		this.webTestClient.get()
			.uri(builder -> builder.path("/graphql").queryParam("documentId", STATE_COUNT_ID).build())
			.headers(headers -> headers.setBearerAuth(TestTokens.forUser(this.adminId, TestTokens.ALL)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "private, max-age=60")
			.expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0);
	}

	@Test
	void refusesDocumentOutsideManifest() {
		this.statements.reset();
		post(Map.of("query", "{ sequenceStates(first: 2) { totalCount } }"), TestTokens.ALL).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("FORBIDDEN")
			.jsonPath("$.data")
			.doesNotExist();
		org.assertj.core.api.Assertions.assertThat(this.statements.count()).isZero();
	}

	/** Registering through APQ is no way around the manifest. */
	@Test
	void refusesToRegisterDocumentOutsideManifest() {
		String text = PersistedQueryIntegrationTests.uniqueQuery();
		post(Map.of("query", text, "extensions",
				PersistedQueryIntegrationTests.apq(PersistedQueryIntegrationTests.sha256(text))), TestTokens.ALL)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void answersUnknownDocumentIdWithNotFound() {
		post(Map.of("documentId", "no-such-document"), TestTokens.ALL).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void runsAnyDocumentForExploreToken() {
		post(Map.of("query", "{ sequenceStates(first: 2) { totalCount } }"),
				"sequenceStates.read sequenceStates.explore")
			.expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0)
			.jsonPath("$.errors")
			.doesNotExist();
	}

	/** GraphiQL's first request: the schema, by introspection, in full text. */
	@Test
	void runsGraphiqlIntrospectionForExploreToken() {
		post(Map.of("query", "query IntrospectionQuery { __schema { queryType { name } types { name } } }"),
				"sequenceStates.read sequenceStates.explore")
			.expectBody()
			.jsonPath("$.data.__schema.queryType.name")
			.isEqualTo("Query")
			.jsonPath("$.errors")
			.doesNotExist();
	}

	@Test
	void exploreScopeAllowsNoFieldByItself() {
		post(Map.of("query", STATE_COUNT), "sequenceStates.explore").expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("FORBIDDEN")
			.jsonPath("$.errors[0].path[0]")
			.isEqualTo("sequenceStates");
	}

	private WebTestClient.ResponseSpec post(Object body, String scopes) {
		return this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> headers.setBearerAuth(TestTokens.forUser(this.adminId, scopes)))
			.bodyValue(body)
			.exchange();
	}

}
