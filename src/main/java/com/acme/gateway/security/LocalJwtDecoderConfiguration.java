package com.acme.gateway.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Verifies HS256 tokens signed with {@code GATEWAY_JWT_SECRET}, for local development and
 * tests. Present only when a secret is configured; in production Spring Boot builds the
 * decoder from {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or
 * {@code issuer-uri} instead, and this configuration refuses to start when both are set:
 * a shared development secret must never be a second way into a production gateway.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalJwtDecoderConfiguration.SecretConfigured.class)
class LocalJwtDecoderConfiguration {

	static final String SECRET_PROPERTY = "gateway.security.jwt-secret";

	/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
	static final int MINIMUM_SECRET_BYTES = 32;

	@Bean
	JwtDecoder localJwtDecoder(SecurityProperties properties, Environment environment) {
		refuseIssuerToo(environment);
		byte[] secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
		if (secret.length < MINIMUM_SECRET_BYTES) {
			throw new IllegalStateException("GATEWAY_JWT_SECRET (gateway.security.jwt-secret) is " + secret.length
					+ " bytes long; HS256 needs at least " + MINIMUM_SECRET_BYTES
					+ ". Set a longer random secret, e.g. the output of `openssl rand -base64 48`.");
		}
		return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
	}

	private static void refuseIssuerToo(Environment environment) {
		for (String property : JwtConfigurationCheck.ISSUER_PROPERTIES) {
			if (StringUtils.hasText(environment.getProperty(property))) {
				throw new IllegalStateException("Both GATEWAY_JWT_SECRET (gateway.security.jwt-secret) and " + property
						+ " are set: configure only one way to verify tokens (the secret for local development, "
						+ "the issuer in production).");
			}
		}
	}

	static class SecretConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty(SECRET_PROPERTY));
		}

	}

}
