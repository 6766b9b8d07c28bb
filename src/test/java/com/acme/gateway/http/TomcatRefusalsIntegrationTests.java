package com.acme.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests Tomcat refuses before the application sees them are answered as GraphQL errors
 * in JSON, not with Tomcat's HTML page ({@link JsonErrorReportValve}); and a GET's query
 * string is bounded by {@code gateway.http.max-request-size} like a body, here set below
 * Tomcat's 8 KB request line limit to show it. Raw sockets: an HTTP client would refuse
 * to send some of these.
 */
@TestPropertySource(properties = "gateway.http.max-request-size=4KB")
class TomcatRefusalsIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void boundsAGetQueryStringLikeABody() throws IOException {
		RawResponse response = send("GET /graphql?query=%7B__typename%7D&pad=" + "x".repeat(6 * 1024)
				+ " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token() + "\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.code()).isEqualTo("LIMIT_EXCEEDED");
	}

	@Test
	void answersAQueryStringWithinTheBound() throws IOException {
		RawResponse response = send(
				"GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
						+ "Authorization: Bearer " + token() + "\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"__typename\":\"Query\"");
	}

	@Test
	void answersARequestLineOverTomcatsLimitWith414() throws IOException {
		RawResponse response = send("GET /graphql?query=%7B__typename%7D&pad=" + "x".repeat(10 * 1024)
				+ " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).isEqualTo(414);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.code()).isEqualTo("LIMIT_EXCEEDED");
		assertThat(response.message()).contains("8 KB server.max-http-request-header-size");
	}

	@Test
	void answersHeadersOverTomcatsLimitWith431() throws IOException {
		String body = "{\"query\":\"{ __typename }\"}";
		RawResponse response = send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "X-Padding: " + "x".repeat(10 * 1024) + "\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body);

		assertThat(response.status()).isEqualTo(431);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.code()).isEqualTo("LIMIT_EXCEEDED");
	}

	@Test
	void answersAMalformedRequestLineWithBadUserInput() throws IOException {
		RawResponse response = send(
				"GET /graphql?query={__typename} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.code()).isEqualTo("BAD_USER_INPUT");
		assertThat(response.body()).doesNotContain("<html", "Tomcat", "Exception");
	}

	private String token() {
		return TestTokens.forUser(this.adminId, TestTokens.ALL);
	}

	private RawResponse send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					answer.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// Tomcat may reset the connection after answering a request it did not
				// read whole
			}
			return RawResponse.parse(answer.toString(StandardCharsets.UTF_8));
		}
	}

	private record RawResponse(int status, String head, String body) {

		static RawResponse parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			assertThat(end).as("an HTTP answer: %s", text).isPositive();
			String head = text.substring(0, end);
			String body = text.substring(end + 4);
			if (head.toLowerCase().contains("transfer-encoding: chunked")) {
				body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
			}
			return new RawResponse(Integer.parseInt(head.split(" ")[1]), head, body);
		}

		String contentType() {
			for (String line : this.head.split("\r\n")) {
				if (line.toLowerCase().startsWith("content-type:")) {
					return line.substring("content-type:".length()).trim();
				}
			}
			return "";
		}

		JsonNode firstError() {
			JsonNode errors = JSON.readTree(this.body).path("errors");
			assertThat(errors.isArray() && errors.size() == 1).as("one error in %s", this.body).isTrue();
			return errors.get(0);
		}

		String code() {
			return firstError().path("extensions").path("code").stringValue();
		}

		String message() {
			return firstError().path("message").stringValue();
		}

	}

}
