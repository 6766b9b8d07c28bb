package com.acme.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 27: request bodies are bounded while they are read, whether or not they declare
 * their length, and a body within the bound is answered as usual.
 */
class BoundedRequestIntegrationTests extends IntegrationTest {

	private static final int KB = 1024;

	@LocalServerPort
	private int port;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void refusesTwoMegabyteBodyWithContentLength() throws Exception {
		HttpResponse<String> response = post(BodyPublishers.ofByteArray(paddedRequest(2048 * KB)));

		assertLimitExceeded(response);
	}

	@Test
	void refusesTwoMegabyteChunkedBody() throws Exception {
		byte[] body = paddedRequest(2048 * KB);
		// An input stream of unknown length goes out chunked, without a Content-Length.
		HttpResponse<String> response = post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertLimitExceeded(response);
	}

	@Test
	void answersNineHundredKilobyteBody() throws Exception {
		HttpResponse<String> response = post(BodyPublishers.ofByteArray(paddedRequest(900 * KB)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"__typename\":\"Query\"").doesNotContain("errors");
	}

	@Test
	void answersNineHundredKilobyteChunkedBody() throws Exception {
		byte[] body = paddedRequest(900 * KB);
		HttpResponse<String> response = post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"__typename\":\"Query\"").doesNotContain("errors");
	}

	private static void assertLimitExceeded(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(413);
		// The rest of the body is not read: the connection is closed instead of kept for
		// the next request.
		assertThat(response.headers().firstValue("Connection")).hasValue("close");
		assertThat(response.body()).startsWith("{\"errors\":[{")
			.contains("\"code\":\"LIMIT_EXCEEDED\"")
			.contains("gateway.http.max-request-size")
			.doesNotContain("\"data\"");
	}

	private HttpResponse<String> post(BodyPublisher body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL))
			.timeout(Duration.ofSeconds(30))
			.POST(body)
			.build();
		return this.client.send(request, BodyHandlers.ofString());
	}

	/**
	 * A valid request of about {@code size} bytes: the padding is an undeclared variable,
	 * which GraphQL ignores.
	 */
	private static byte[] paddedRequest(int size) {
		String request = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + "x".repeat(size - 60) + "\"}}";
		return request.getBytes(StandardCharsets.UTF_8);
	}

}
