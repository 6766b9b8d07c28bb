package com.acme.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.security.*}: how local tokens are checked and how long a token's user is
 * trusted without asking the database again.
 *
 * @param jwtSecret the HS256 secret of local development and tests
 * ({@code GATEWAY_JWT_SECRET}), at least 32 bytes; empty in production, where the
 * issuer's JWK set verifies tokens
 * @param userCacheTtl how long a user's role is reused; a role change or a deleted user
 * takes effect within this time
 */
@ConfigurationProperties("gateway.security")
public record SecurityProperties(String jwtSecret, @DefaultValue("30s") Duration userCacheTtl) {

	public boolean hasJwtSecret() {
		return this.jwtSecret != null && !this.jwtSecret.isBlank();
	}

}
