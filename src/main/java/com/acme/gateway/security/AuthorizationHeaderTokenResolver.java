package com.acme.gateway.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer token from the {@code Authorization} header exactly as Spring
 * Security's {@link DefaultBearerTokenResolver} does with its defaults (no token in the
 * query string or a form body): a header that does not start with {@code bearer} in any
 * case carries no token; one that does must be {@code Bearer}, one space and an RFC 6750
 * {@code b64token} ({@code [A-Za-z0-9-._~+/]+=*}), or the request is refused as a
 * malformed token.
 *
 * <p>
 * Why not the default: it checks the header with a case-insensitive regular expression,
 * which costs more than one pass over the header (BENCHMARKS.md, "Code shaped by
 * measurements"); this class checks the same grammar in one pass.
 * {@code AuthorizationHeaderTokenResolverTests} holds it to the default's answers on
 * valid, malformed and hostile headers.
 */
final class AuthorizationHeaderTokenResolver implements BearerTokenResolver {

	private static final String SCHEME = "Bearer ";

	@Override
	public String resolve(HttpServletRequest request) {
		return bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	/**
	 * The token of an {@code Authorization} value, null when it names another scheme (or
	 * is null); refuses a malformed bearer value as {@link #resolve} does.
	 */
	static String bearerToken(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
			return null;
		}
		if (!isBearerCredentials(authorization)) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return authorization.substring(SCHEME.length());
	}

	/**
	 * {@code Bearer} (any case), one space, then
	 * {@code 1*( ALPHA / DIGIT / "-._~+/" ) *"="}.
	 */
	private static boolean isBearerCredentials(String authorization) {
		int length = authorization.length();
		if (length <= SCHEME.length() || authorization.charAt(SCHEME.length() - 1) != ' ') {
			return false;
		}
		int index = SCHEME.length();
		while (index < length && isTokenCharacter(authorization.charAt(index))) {
			index++;
		}
		if (index == SCHEME.length()) {
			return false;
		}
		while (index < length && authorization.charAt(index) == '=') {
			index++;
		}
		return index == length;
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
