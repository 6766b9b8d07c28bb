package com.acme.gateway.documents;

import java.util.Map;

import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** Trusted-only mode with Relay's persisted-queries JSON ({@code { "id": "text" }}). */
@TestPropertySource(properties = { "gateway.documents.trusted-only=true",
		"gateway.documents.manifest=classpath:documents/relay-manifest.json" })
class RelayManifestIntegrationTests extends IntegrationTest {

	@Test
	void runsDocumentNamedByRelayId() {
		postAsAdmin(Map.of("documentId", "relay-state-by-id", "variables", Map.of("id", "1"))).expectBody()
			.jsonPath("$.data.sequenceState")
			.isEmpty()
			.jsonPath("$.errors")
			.doesNotExist();
	}

	@Test
	void runsRelayDocumentSentInFull() {
		postAsAdmin(Map.of("query", TrustedDocumentsIntegrationTests.STATE_COUNT)).expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0);
	}

	@Test
	void refusesDocumentOutsideRelayManifest() {
		postAsAdmin(Map.of("query", "{ sequenceStates(first: 3) { totalCount } }")).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("FORBIDDEN");
	}

}
