package com.acme.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Start-up refuses token set-ups that would be unsafe or that cannot verify anything. */
class TokenVerificationSetupTests {

	private final LocalJwtDecoderConfiguration configuration = new LocalJwtDecoderConfiguration();

	@Test
	void refusesSecretShorterThan32Bytes() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.configuration.localJwtDecoder(properties("31-bytes-are-one-too-few-000000"),
					new MockEnvironment()))
			.withMessageContaining("GATEWAY_JWT_SECRET")
			.withMessageContaining("31 bytes")
			.withMessageContaining("at least 32");
	}

	@Test
	void acceptsSecretOf32Bytes() {
		assertThat(this.configuration.localJwtDecoder(properties("x".repeat(32)), new MockEnvironment())).isNotNull();
	}

	@Test
	void refusesSecretTogetherWithIssuer() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://issuer.example/jwks");

		assertThatIllegalStateException()
			.isThrownBy(() -> this.configuration.localJwtDecoder(properties("x".repeat(40)), environment))
			.withMessageContaining("configure only one way");
	}

	@Test
	void refusesToStartWithoutAnyWayToVerifyTokens() {
		DefaultListableBeanFactory noDecoder = new DefaultListableBeanFactory();

		assertThatIllegalStateException()
			.isThrownBy(() -> JwtConfigurationCheck.requireDecoder(noDecoder.getBeanProvider(JwtDecoder.class)))
			.withMessageContaining("GATEWAY_JWT_SECRET")
			.withMessageContaining("jwk-set-uri");
	}

	private static SecurityProperties properties(String secret) {
		return new SecurityProperties(secret, Duration.ofSeconds(30));
	}

}
