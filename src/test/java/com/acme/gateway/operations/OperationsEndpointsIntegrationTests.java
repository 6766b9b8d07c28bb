package com.acme.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.acme.gateway.graphql.GraphiQlConfiguration;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What operators and analysts open in a browser: GraphiQL and the health endpoint. */
class OperationsEndpointsIntegrationTests extends IntegrationTest {

	@Test
	void graphiqlPageLoadsOnlyItsOwnAssetsUnderAContentSecurityPolicy() {
		String page = this.webTestClient.get()
			.uri("/graphiql?path=/graphql")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Security-Policy", GraphiQlConfiguration.CONTENT_SECURITY_POLICY)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).doesNotContain("://").containsPattern("src=\"/graphiql/assets/index-[^\"]+\\.js\"");
		assertThat(GraphiQlConfiguration.CONTENT_SECURITY_POLICY).contains("script-src 'self';")
			.doesNotContain("http")
			.doesNotContain("*");
	}

	@Test
	void graphiqlAssetsNeedNoToken() {
		String page = this.webTestClient.get()
			.uri("/graphiql?path=/graphql")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Matcher script = Pattern.compile("src=\"(/graphiql/assets/[^\"]+)\"").matcher(page);
		assertThat(script.find()).isTrue();
		this.webTestClient.get()
			.uri(script.group(1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/javascript")
			// Its name carries a hash of its content, so browsers may keep it.
			.expectHeader()
			.valueMatches("Cache-Control", ".*immutable.*");
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
