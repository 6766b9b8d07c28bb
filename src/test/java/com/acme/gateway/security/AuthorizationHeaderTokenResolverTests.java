package com.acme.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The resolver must give Spring Security's default resolver's answer for every header:
 * the same token, no token, or the same refusal.
 */
class AuthorizationHeaderTokenResolverTests {

	private final BearerTokenResolver springDefault = new DefaultBearerTokenResolver();

	private final BearerTokenResolver gateways = new AuthorizationHeaderTokenResolver();

	@Test
	void aWellFormedHeaderGivesItsToken() {
		assertThat(this.gateways.resolve(request("Bearer abc.DEF-123_~+/=="))).isEqualTo("abc.DEF-123_~+/==");
		assertThat(this.gateways.resolve(request("bEaReR token"))).isEqualTo("token");
	}

	@Test
	void noBearerHeaderGivesNoToken() {
		assertThat(this.gateways.resolve(new MockHttpServletRequest("POST", "/graphql"))).isNull();
		assertThat(this.gateways.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
	}

	@Test
	void aMalformedBearerHeaderIsRefusedAsAnInvalidToken() {
		assertThatThrownBy(() -> this.gateways.resolve(request("Bearer two words")))
			.isInstanceOfSatisfying(OAuth2AuthenticationException.class, ex -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token");
				assertThat(ex.getError().getDescription()).isEqualTo("Bearer token is malformed");
			});
	}

	@Test
	void chosenHeadersAreAnsweredAsTheDefaultAnswersThem() {
		List<String> headers = List.of("Bearer", "Bearer ", "bearer", "BEARER x", "Bearer  x", "Bearer\tx", "Bearerx",
				"Bearerx abc", "bearer: x", "Bearer x=", "Bearer x==", "Bearer =", "Bearer =x", "Bearer x=y",
				"Bearer x y", "Bearer x ", " Bearer x", "Bearer x\n", "Bearer \u00e4", "Bearer x\u0000",
				"Bearer abc%3D", "Bearer a,b", "Bearer " + "a".repeat(200_000), "Bearer " + "=".repeat(10),
				"B\u00e9arer x", "Bearer \u212a", "Basic x", "", "x");
		for (String header : headers) {
			assertSameAnswer(header);
		}
	}

	@Test
	void randomHeadersAreAnsweredAsTheDefaultAnswersThem() {
		Random random = new Random(20261202);
		String[] prefixes = { "Bearer ", "bearer ", "BEARER", "Bearer  ", "Bear ", "Bearer=", "" };
		String alphabet = "aZ09-._~+/= \t,;:\"'%\u00e9\u212a\u0000";
		List<String> headers = new ArrayList<>();
		for (int i = 0; i < 50_000; i++) {
			StringBuilder header = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				// Mostly token characters, so that many headers are valid and the others
				// fail late.
				header.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
						: alphabet.charAt(random.nextInt(6)));
			}
			headers.add(header.toString());
		}
		int valid = 0;
		for (String header : headers) {
			valid += assertSameAnswer(header) ? 1 : 0;
		}
		assertThat(valid).as("valid headers among the random ones").isBetween(1_000, 49_000);
	}

	/** Returns whether the header carried a token. */
	private boolean assertSameAnswer(String header) {
		Object expected = answer(this.springDefault, header);
		assertThat(answer(this.gateways, header)).as("answer to [%s]", header.length() > 40 ? "a long header" : header)
			.isEqualTo(expected);
		return expected instanceof String;
	}

	/** The token, {@code null}, or the refusal's error code and description. */
	private static Object answer(BearerTokenResolver resolver, String header) {
		try {
			return resolver.resolve(request(header));
		}
		catch (OAuth2AuthenticationException ex) {
			return List.of(ex.getError().getErrorCode(), String.valueOf(ex.getError().getDescription()));
		}
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.addHeader("Authorization", authorization);
		return request;
	}

}
