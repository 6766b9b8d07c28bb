package com.acme.gateway.security;

/**
 * Where the {@code exp} of the request's token (an {@link java.time.Instant}) is kept: a
 * request attribute set with the {@link CurrentUser} (a WebSocket session's attribute,
 * for its connection's token), and a GraphQL context value, from which a subscription
 * learns when it must end with {@code UNAUTHENTICATED}. Absent for a token without
 * {@code exp}.
 */
public final class TokenExpiry {

	public static final String CONTEXT_KEY = "tokenExpiresAt";

	public static final String REQUEST_ATTRIBUTE = TokenExpiry.class.getName();

	private TokenExpiry() {
	}

}
