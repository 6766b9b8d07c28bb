package com.acme.gateway.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class DocumentManifestTests {

	@Test
	void readsApolloManifest() {
		DocumentManifest manifest = DocumentManifest.read(new ClassPathResource("documents/apollo-manifest.json"));

		assertThat(manifest.size()).isEqualTo(2);
		assertThat(manifest.bodyOf(TrustedDocumentsIntegrationTests.STATE_COUNT_ID))
			.isEqualTo(TrustedDocumentsIntegrationTests.STATE_COUNT);
		assertThat(manifest.contains(TrustedDocumentsIntegrationTests.STATE_COUNT)).isTrue();
	}

	@Test
	void readsRelayManifest() {
		DocumentManifest manifest = DocumentManifest.read(new ClassPathResource("documents/relay-manifest.json"));

		assertThat(manifest.bodyOf("relay-state-count")).isEqualTo(TrustedDocumentsIntegrationTests.STATE_COUNT);
		assertThat(manifest.contains("{ sequenceStates(first: 1) { totalCount } }")).isFalse();
	}

	@Test
	void refusesApolloManifestOfAnotherVersion() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DocumentManifest
				.read(json("{\"format\":\"apollo-persisted-query-manifest\",\"version\":2,\"operations\":[]}")))
			.withMessageContaining("gateway.documents.manifest");
	}

	@Test
	void refusesRelayManifestWithNonTextValues() {
		assertThatIllegalStateException().isThrownBy(() -> DocumentManifest.read(json("{\"a\": {\"b\": 1}}")))
			.withMessageContaining("maps each id to the document's text");
	}

	@Test
	void refusesJsonThatIsNotAnObject() {
		assertThatIllegalStateException().isThrownBy(() -> DocumentManifest.read(json("[1, 2]")))
			.withMessageContaining("not a JSON object");
	}

	private static ByteArrayResource json(String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
	}

}
