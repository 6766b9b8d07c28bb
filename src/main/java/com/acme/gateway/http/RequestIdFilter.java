package com.acme.gateway.http;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, so that what a client reports can be found in the log: the
 * caller's {@code X-Request-Id} when it is sane (1 to 64 letters, digits,
 * {@code - _ . :}), else a new UUID, since a header that reaches the log as given could
 * forge lines or flood it. The id is in the MDC (key {@code requestId}, which
 * {@code logging.pattern.correlation} prints) for every log line of the request, in the
 * response's {@code X-Request-Id} header, and, through {@link RequestIds}, in the message
 * of an {@code INTERNAL} error.
 */
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	/**
	 * The request attribute that keeps the id for the async and error dispatches of the
	 * same request.
	 */
	static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

	private static final int MAX_LENGTH = 64;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = (String) request.getAttribute(ATTRIBUTE);
		if (requestId == null) {
			requestId = requestIdOf(request.getHeader(HEADER));
			request.setAttribute(ATTRIBUTE, requestId);
			response.setHeader(HEADER, requestId);
		}
		MDC.put(MDC_KEY, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * Async and error dispatches run on other threads, whose log lines need the id as
	 * well.
	 */
	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static String requestIdOf(String header) {
		return isSane(header) ? header : UUID.randomUUID().toString();
	}

	private static boolean isSane(String header) {
		if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < header.length(); i++) {
			char character = header.charAt(i);
			boolean allowed = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
					|| (character >= '0' && character <= '9') || character == '-' || character == '_'
					|| character == '.' || character == ':';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
