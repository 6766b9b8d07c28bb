package com.acme.gateway.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway writes HTTP responses ({@code gateway.http.*}).
 *
 * @param writeBufferSize a response up to this size is sent whole, with a
 * {@code Content-Length}, in one write to the socket; a larger one goes out in chunks of
 * this size. Each connection holds a write buffer of this size (see
 * {@code server.tomcat.max-connections}), and each busy request thread a response buffer
 * of it.
 */
@ConfigurationProperties("gateway.http")
public record HttpProperties(@DefaultValue("64KB") DataSize writeBufferSize) {

	private static final DataSize SMALLEST = DataSize.ofKilobytes(8);

	/**
	 * Tomcat drops a response buffer above 16 times its 8 KB default after each request.
	 */
	private static final DataSize LARGEST = DataSize.ofKilobytes(128);

	public HttpProperties {
		if (writeBufferSize.compareTo(SMALLEST) < 0 || writeBufferSize.compareTo(LARGEST) > 0) {
			throw new IllegalArgumentException(
					"gateway.http.write-buffer-size must be between 8KB and 128KB, got " + writeBufferSize);
		}
	}

	/** The size in bytes, as Tomcat and the servlet API take it. */
	int writeBufferBytes() {
		return (int) this.writeBufferSize.toBytes();
	}

}
