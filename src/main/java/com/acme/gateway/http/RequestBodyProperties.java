package com.acme.gateway.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much of a request the gateway reads ({@code gateway.http.*}), checked by
 * {@link BoundedRequestFilter} before anything parses the request.
 *
 * @param maxRequestSize largest request body, and largest query string of a GET,
 * accepted; a larger one is HTTP 413 {@code LIMIT_EXCEEDED}. The body is counted as it
 * arrives, so a chunked body without {@code Content-Length} is stopped at this size too
 * @param maxBodyReadTime longest the gateway waits for a whole body to arrive; a client
 * that trickles its body slower gets HTTP 408 and gives its request thread back
 */
@ConfigurationProperties("gateway.http")
public record RequestBodyProperties(@DefaultValue("1MB") DataSize maxRequestSize,
		@DefaultValue("10s") Duration maxBodyReadTime) {

	public RequestBodyProperties {
		if (maxRequestSize.toBytes() < 1 || maxRequestSize.toBytes() > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(
					"gateway.http.max-request-size must be between 1B and 2GB, got " + maxRequestSize);
		}
	}

	int maxRequestBytes() {
		return (int) this.maxRequestSize.toBytes();
	}

}
