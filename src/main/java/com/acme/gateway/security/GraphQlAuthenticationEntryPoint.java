package com.acme.gateway.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without valid credentials: 401 with one {@code UNAUTHENTICATED} error
 * and the same message whether the token was missing, forged, expired or named no user,
 * so that a caller cannot probe which user ids exist. The reason goes to the debug log
 * only.
 * <p>
 * Two failures are not the caller's: the user lookup finding the database down (503
 * {@code UNAVAILABLE}) and a bug (500 {@code INTERNAL} with the logged id).
 */
public class GraphQlAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String MESSAGE = "Authentication required: send a valid, unexpired bearer token of an existing user "
			+ "in the Authorization header.";

	private static final Logger logger = LoggerFactory.getLogger(GraphQlAuthenticationEntryPoint.class);

	private final GraphQlErrorBody errorBody;

	public GraphQlAuthenticationEntryPoint(GraphQlErrorBody errorBody) {
		this.errorBody = errorBody;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof CurrentUserConverter.UnavailableAuthenticationException) {
			this.errorBody.write(response, 503, "UNAVAILABLE", exception.getMessage(), Map.of());
			return;
		}
		if (exception instanceof CurrentUserConverter.InternalAuthenticationException internal) {
			this.errorBody.write(response, 500, "INTERNAL", internal.getMessage(),
					Map.of("errorId", internal.errorId()));
			return;
		}
		logger.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), exception.getMessage());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		this.errorBody.write(response, 401, "UNAUTHENTICATED", MESSAGE, Map.of());
	}

}
