package com.acme.gateway.operations;

import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What operators and analysts open in a browser: GraphiQL and the health endpoint. */
class OperationsEndpointsIntegrationTests extends IntegrationTest {

	@Test
	void graphiqlOpensOnTheExampleQuery() {
		this.webTestClient.get()
			.uri("/graphiql?path=/graphql")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(page -> org.assertj.core.api.Assertions.assertThat(page)
				.contains("defaultQuery: defaultQuery")
				.contains("query FirstPageOfSequenceStates"));
	}

	@Test
	void graphiqlWithoutPathRedirectsToTheEndpoint() {
		this.webTestClient.get()
			.uri("/graphiql")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueMatches("Location", ".*/graphiql\\?path=/graphql");
	}

	@Test
	void healthCoversTheDatabase() {
		this.webTestClient.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.db.status")
			.isEqualTo("UP");
	}

}
