package com.acme.gateway.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * Authenticates a WebSocket connection ({@code graphql-transport-ws}) by the token in its
 * {@code connection_init} payload, {@code {"Authorization": "Bearer …"}}: browsers cannot
 * set headers on a WebSocket handshake, so the upgrade request itself passes
 * unauthenticated ({@link SecurityConfiguration}) and nothing runs before this message.
 *
 * <p>
 * The token is verified as the HTTP header's is ({@link TokenAuthenticator}). A missing,
 * malformed, forged or expired token, or one whose subject is not a user, fails the
 * initialisation, and Spring for GraphQL closes the socket with
 * {@code 4401: Unauthorized}, as the protocol has it for a subscribe before an
 * acknowledged init. On success the connection's user and its token's expiry become
 * session attributes, under the names the HTTP path uses for request attributes, so
 * {@link CurrentUserInterceptor} and the rate limit read them unchanged for each
 * operation of the connection.
 */
public class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

	private final TokenAuthenticator tokens;

	WebSocketAuthentication(TokenAuthenticator tokens) {
		this.tokens = tokens;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo sessionInfo,
			Map<String, Object> connectionInitPayload) {
		return Mono.fromCallable(() -> {
			CurrentUserAuthentication authentication = this.tokens.authenticate(authorization(connectionInitPayload));
			Map<String, Object> attributes = sessionInfo.getAttributes();
			attributes.put(CurrentUser.REQUEST_ATTRIBUTE, authentication.getPrincipal());
			if (authentication.getCredentials().getExpiresAt() != null) {
				attributes.put(TokenExpiry.REQUEST_ATTRIBUTE, authentication.getCredentials().getExpiresAt());
			}
			return Map.of();
		});
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request);
	}

	/**
	 * The payload's {@code Authorization} entry, in any case, as HTTP header names are.
	 */
	private static String authorization(Map<String, Object> payload) {
		if (payload == null) {
			return null;
		}
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(entry.getKey())
					&& entry.getValue() instanceof String value) {
				return value;
			}
		}
		return null;
	}

}
