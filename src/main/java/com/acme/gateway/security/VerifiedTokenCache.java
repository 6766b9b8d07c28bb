package com.acme.gateway.security;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that verifies each distinct token once and remembers the result
 * until the token expires (at most {@link #MAXIMUM_AGE}). A frontend or BFF sends the
 * same token with every request for its whole lifetime; parsing it and checking its
 * signature and claims again each time repeats the same work for the same answer
 * (BENCHMARKS.md, "Code shaped by measurements").
 *
 * <p>
 * Only accepted tokens are kept, keyed by their full text (so a token that differs in one
 * character is verified anew) and never past their {@code exp}: a token that expires
 * while cached drops out at that instant, and the delegate refuses it on its next use.
 * Refusals are not cached, so a malformed or forged token costs a verification every
 * time, as before.
 */
final class VerifiedTokenCache implements JwtDecoder {

	/**
	 * Longer than any request burst, short enough that a changed signing key is felt
	 * soon.
	 */
	static final Duration MAXIMUM_AGE = Duration.ofMinutes(5);

	private final JwtDecoder delegate;

	private final Cache<String, Jwt> verified;

	VerifiedTokenCache(JwtDecoder delegate, int maximumTokens) {
		this.delegate = delegate;
		this.verified = Caffeine.newBuilder().maximumSize(maximumTokens).expireAfter(new UntilExpiry()).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt cached = this.verified.getIfPresent(token);
		if (cached != null) {
			return cached;
		}
		Jwt jwt = this.delegate.decode(token);
		this.verified.put(token, jwt);
		return jwt;
	}

	/** Kept until the token's own expiry, capped by {@link #MAXIMUM_AGE}. */
	private static final class UntilExpiry implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
			Duration age = MAXIMUM_AGE;
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt != null) {
				Duration left = Duration.between(Instant.now(), expiresAt);
				age = left.isNegative() ? Duration.ZERO : (left.compareTo(age) < 0 ? left : age);
			}
			return age.toNanos();
		}

		@Override
		public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(token, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
