package com.acme.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every token fault gets the same answer: 401 with one {@code UNAUTHENTICATED} error, no
 * data, and nothing that tells a forged token from an unknown user.
 */
class AuthenticationIntegrationTests extends IntegrationTest {

	private static final String QUERY = "{\"query\":\"{ sequenceStates(first: 1) { totalCount } }\"}";

	@Test
	void refusesRequestWithoutToken() {
		expectUnauthenticated(headers -> {
		});
	}

	@Test
	void refusesTokenWithBadSignature() {
		long rep = this.fixtures.user("rep@example.com", "rep");
		String forged = TestTokens.sign("another-secret-of-at-least-32-bytes-length", rep, TestTokens.ALL,
				Instant.now().plus(Duration.ofMinutes(5)));

		expectUnauthenticated(headers -> headers.setBearerAuth(forged));
	}

	@Test
	void refusesExpiredToken() {
		long rep = this.fixtures.user("rep@example.com", "rep");
		String expired = TestTokens.sign(TestTokens.SECRET, rep, TestTokens.ALL,
				Instant.now().minus(Duration.ofMinutes(5)));

		expectUnauthenticated(headers -> headers.setBearerAuth(expired));
	}

	@Test
	void refusesTokenOfUnknownUser() {
		expectUnauthenticated(headers -> headers.setBearerAuth(TestTokens.forUser(987654, TestTokens.ALL)));
	}

	@Test
	void refusesTokenWhoseSubjectIsNoId() {
		expectUnauthenticated(headers -> headers.setBearerAuth("not.a.jwt"));
	}

	@Test
	void refusesMalformedBearerHeader() {
		expectUnauthenticated(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer two words"));
	}

	@Test
	void refusesBasicAuthentication() {
		expectUnauthenticated(headers -> headers.setBasicAuth("admin", "admin"));
	}

	@Test
	void acceptsTokenOfExistingUser() {
		long rep = this.fixtures.user("rep@example.com", "rep");

		post(headers -> headers.setBearerAuth(TestTokens.forUser(rep, "sequenceStates.read"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.sequenceStates.totalCount")
			.isEqualTo(0);
	}

	@Test
	void acceptsTokenFromMintScript() throws Exception {
		long rep = this.fixtures.user("rep@example.com", "rep");
		ProcessBuilder mint = new ProcessBuilder("bin/mint-token", String.valueOf(rep), "sequenceStates.read", "5");
		mint.environment().put("GATEWAY_JWT_SECRET", TestTokens.SECRET);
		Process process = mint.start();
		String token = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
			.trim();
		org.assertj.core.api.Assertions.assertThat(process.waitFor()).isZero();

		post(headers -> headers.setBearerAuth(token)).expectStatus().isOk();
	}

	@Test
	void answersUnknownPathWithJsonNotFound() {
		this.webTestClient.get()
			.uri("/no-such-page")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL))
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("NOT_FOUND");
	}

	private void expectUnauthenticated(Consumer<HttpHeaders> headers) {
		post(headers).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody()
			.json("""
					{"errors":[{"message":"%s","extensions":{"code":"UNAUTHENTICATED"}}]}""".formatted(
					GraphQlAuthenticationEntryPoint.MESSAGE), org.springframework.test.json.JsonCompareMode.STRICT);
	}

	private WebTestClient.ResponseSpec post(Consumer<HttpHeaders> headers) {
		return this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers)
			.bodyValue(QUERY)
			.exchange();
	}

}
