package com.acme.gateway.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The one way a bearer token becomes a {@link CurrentUserAuthentication}: the decoder
 * Spring Security's filter chain uses for the {@code Authorization} header (verified once
 * per distinct token, {@link VerifiedTokenCache}) and {@link CurrentUserConverter}.
 * WebSocket connections, whose token arrives in {@code connection_init} rather than in a
 * header, go through it too ({@link WebSocketAuthentication}), so both transports accept
 * exactly the same tokens.
 */
public final class TokenAuthenticator {

	private final JwtDecoder decoder;

	private final CurrentUserConverter converter;

	TokenAuthenticator(JwtDecoder decoder, CurrentUserConverter converter) {
		this.decoder = new VerifiedTokenCache(decoder, 10_000);
		this.converter = converter;
	}

	/** The decoder of the filter chain, remembering verified tokens. */
	JwtDecoder decoder() {
		return this.decoder;
	}

	/**
	 * The user of an {@code Authorization} value ({@code Bearer <token>}, the grammar of
	 * the HTTP header).
	 * @throws AuthenticationException when there is no well-formed bearer token, or it
	 * does not verify, or its subject is not a user
	 */
	CurrentUserAuthentication authenticate(String authorization) {
		String token = AuthorizationHeaderTokenResolver.bearerToken(authorization);
		if (token == null) {
			throw new InvalidBearerTokenException("No bearer token");
		}
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			throw new InvalidBearerTokenException(ex.getMessage(), ex);
		}
		return this.converter.convert(jwt);
	}

}
