package com.acme.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The cache in front of token verification: what it keeps, and what it must never keep.
 */
class VerifiedTokenCacheTests {

	private final AtomicInteger verifications = new AtomicInteger();

	private final JwtDecoder realDecoder = NimbusJwtDecoder
		.withSecretKey(new SecretKeySpec(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
		.macAlgorithm(MacAlgorithm.HS256)
		.build();

	private final VerifiedTokenCache cache = new VerifiedTokenCache(token -> {
		this.verifications.incrementAndGet();
		return this.realDecoder.decode(token);
	}, 100);

	@Test
	void aTokenIsVerifiedOnceWhileItIsValid() {
		String token = TestTokens.forUser(7, TestTokens.ALL);

		Jwt first = this.cache.decode(token);
		Jwt second = this.cache.decode(token);

		assertThat(second.getSubject()).isEqualTo("7");
		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void anotherTokenIsVerifiedOnItsOwn() {
		this.cache.decode(TestTokens.forUser(7, TestTokens.ALL));
		Jwt other = this.cache.decode(TestTokens.forUser(8, TestTokens.ALL));

		assertThat(other.getSubject()).isEqualTo("8");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aRefusedTokenIsVerifiedAndRefusedEveryTime() {
		String forged = TestTokens.sign("another-secret-of-at-least-32-bytes-0123456789", 7, TestTokens.ALL,
				Instant.now().plus(Duration.ofMinutes(10)));

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatThrownBy(() -> this.cache.decode(forged)).isInstanceOf(JwtException.class);
		}
		assertThat(this.verifications).hasValue(2);
	}

	/**
	 * Accepted within the decoder's clock skew, but already past its exp: never served
	 * from memory.
	 */
	@Test
	void aTokenPastItsExpiryIsNotKept() {
		String expiring = TestTokens.sign(TestTokens.SECRET, 7, TestTokens.ALL, Instant.now().minusSeconds(5));

		this.cache.decode(expiring);
		this.cache.decode(expiring);

		assertThat(this.verifications).hasValue(2);
	}

}
