package com.acme.gateway.documents;

import static com.acme.gateway.database.generated.Tables.PERSISTED_DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.acme.gateway.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The registry's bound: past it, new registrations are refused and the registered ones
 * stay.
 */
@TestPropertySource(properties = "gateway.documents.max-registered=1")
class FullRegistryIntegrationTests extends IntegrationTest {

	@Autowired
	private DSLContext dsl;

	@Test
	void refusesRegistrationBeyondBound() {
		String first = PersistedQueryIntegrationTests.uniqueQuery();
		String second = PersistedQueryIntegrationTests.uniqueQuery();
		postAsAdmin(Map.of("query", first, "extensions",
				PersistedQueryIntegrationTests.apq(PersistedQueryIntegrationTests.sha256(first))))
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist();

		postAsAdmin(Map.of("query", second, "extensions",
				PersistedQueryIntegrationTests.apq(PersistedQueryIntegrationTests.sha256(second))))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("LIMIT_EXCEEDED")
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains("gateway.documents.max-registered"));

		assertThat(this.dsl.fetchValues(PERSISTED_DOCUMENT.BODY)).containsExactly(first);
	}

}
