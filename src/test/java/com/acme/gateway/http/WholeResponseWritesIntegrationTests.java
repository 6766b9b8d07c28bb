package com.acme.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.acme.gateway.support.IntegrationTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * Responses up to {@code gateway.http.write-buffer-size} (64 KB by default) leave whole,
 * with a {@code Content-Length}; larger ones are chunked and still complete.
 */
class WholeResponseWritesIntegrationTests extends IntegrationTest {

	private static final String PAGE = """
			query Page($first: Int!) {
			  sequenceStates(first: $first) {
			    edges { cursor node { id activeAt bounceCount callCompletedAt clickCount createdAt deliverCount
			      errorReason failureCount negativeReplyCount neutralReplyCount openCount optOutCount pauseReason
			      positiveReplyCount repliedAt replyCount scheduleCount state stateChangedAt updatedAt
			      prospect { id firstName emails } account { id name } sequence { id name }
			      sequenceStep { id stepType order } mailbox { id email } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	private static final int DEFAULT_TOMCAT_BUFFER = 8 * 1024;

	private static final int WRITE_BUFFER = 64 * 1024;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void sendsAResponseThatFitsTheBufferWithItsLength() {
		this.fixtures.states(this.fixtures.world(), 30);

		EntityExchangeResult<byte[]> result = page(30);

		byte[] body = result.getResponseBody();
		assertThat(body.length).as("a response above Tomcat's own 8 KB buffer")
			.isBetween(DEFAULT_TOMCAT_BUFFER + 1, WRITE_BUFFER);
		assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(body.length);
		assertThat(result.getResponseHeaders().get(HttpHeaders.TRANSFER_ENCODING)).isNull();
		assertThat(edges(body)).isEqualTo(30);
	}

	@Test
	void chunksAResponseLargerThanTheBufferAndSendsAllOfIt() {
		this.fixtures.states(this.fixtures.world(), 100);

		EntityExchangeResult<byte[]> result = page(100);

		byte[] body = result.getResponseBody();
		assertThat(body.length).isGreaterThan(WRITE_BUFFER);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.TRANSFER_ENCODING)).isEqualTo("chunked");
		assertThat(edges(body)).isEqualTo(100);
	}

	@Test
	void givesEachConnectionASocketBufferOfTheSameSize() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();

		assertThat(server.getTomcat().getConnector().getProperty("socket.appWriteBufSize"))
			.hasToString(Integer.toString(WRITE_BUFFER));
	}

	private EntityExchangeResult<byte[]> page(int first) {
		return postAsAdmin(Map.of("query", PAGE, "variables", Map.of("first", first))).expectStatus()
			.isOk()
			.expectBody()
			.returnResult();
	}

	/** The number of edges in a complete, parseable answer without errors. */
	private static int edges(byte[] body) {
		Map<?, ?> response = JsonMapper.shared().readValue(body, Map.class);
		assertThat(response.containsKey("errors")).as("errors in %s", response.get("errors")).isFalse();
		Map<?, ?> data = (Map<?, ?>) response.get("data");
		Map<?, ?> states = (Map<?, ?>) data.get("sequenceStates");
		return ((List<?>) states.get("edges")).size();
	}

}
