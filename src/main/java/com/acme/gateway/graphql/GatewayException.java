package com.acme.gateway.graphql;

import java.util.Map;

/**
 * A failure the client caused or can act on. The message is shown to the client as is, so
 * it names arguments and values in the API's terms, never tables, SQL or Java types;
 * {@link #extensions()} carries the same facts as data for clients that branch on them.
 */
public class GatewayException extends RuntimeException {

	private final ErrorCode code;

	private final Map<String, Object> extensions;

	public GatewayException(ErrorCode code, String message) {
		this(code, message, Map.of());
	}

	public GatewayException(ErrorCode code, String message, Map<String, Object> extensions) {
		super(message, null, false, false);
		this.code = code;
		this.extensions = Map.copyOf(extensions);
	}

	public ErrorCode code() {
		return this.code;
	}

	public Map<String, Object> extensions() {
		return this.extensions;
	}

}
