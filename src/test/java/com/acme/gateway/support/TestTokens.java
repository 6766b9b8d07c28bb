package com.acme.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints HS256 tokens the way a developer's {@code bin/mint-token} does, signed with the
 * secret the test context is given ({@link #SECRET}), or with another one to forge.
 */
public final class TestTokens {

	/** The test context's {@code gateway.security.jwt-secret}. */
	public static final String SECRET = "integration-test-secret-0123456789-abcdefghij";

	public static final String ALL = "sequenceStates.all";

	private TestTokens() {
	}

	public static String forUser(long userId, String scopes) {
		return sign(SECRET, userId, scopes, Instant.now().plus(Duration.ofMinutes(10)));
	}

	public static String sign(String secret, long userId, String scopes, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(String.valueOf(userId))
			.claim("scope", scopes)
			.issueTime(Date.from(expiresAt.minus(Duration.ofHours(1))))
			.expirationTime(Date.from(expiresAt))
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return token.serialize();
	}

}
