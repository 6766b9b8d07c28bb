package com.acme.gateway.security;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Fails start-up with a message that says what to set when no way to verify tokens is
 * configured. The gateway has no anonymous mode: without this check Spring would fail
 * with a bare "no JwtDecoder bean", or, worse, someone would be tempted to add an "accept
 * everything" default.
 */
final class JwtConfigurationCheck {

	static final List<String> ISSUER_PROPERTIES = List.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
			"spring.security.oauth2.resourceserver.jwt.issuer-uri",
			"spring.security.oauth2.resourceserver.jwt.public-key-location");

	private JwtConfigurationCheck() {
	}

	static JwtDecoder requireDecoder(ObjectProvider<JwtDecoder> decoders) {
		JwtDecoder decoder = decoders.getIfAvailable();
		if (decoder == null) {
			throw new IllegalStateException("No way to verify bearer tokens is configured. For local development set "
					+ "GATEWAY_JWT_SECRET (at least 32 bytes, HS256) or run with the 'local' profile; in production set "
					+ "spring.security.oauth2.resourceserver.jwt.jwk-set-uri or issuer-uri to the token issuer.");
		}
		return decoder;
	}

}
