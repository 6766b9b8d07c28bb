package com.acme.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

class RequestIdIntegrationTests extends IntegrationTest {

	// language=GraphQL
	private static final String QUERY = "{ sequenceStates(first: 1) { totalCount } }";

	@Test
	void echoesTheCallersRequestId() {
		assertThat(requestIdAnswered("client-42.retry:1")).isEqualTo("client-42.retry:1");
	}

	@Test
	void replacesARequestIdThatCouldForgeLogLines() {
		String answered = requestIdAnswered("two words");

		assertThat(answered).isNotEqualTo("two words");
		assertThat(UUID.fromString(answered)).isNotNull();
	}

	@Test
	void replacesAnOverlongRequestId() {
		assertThat(requestIdAnswered("x".repeat(65))).hasSize(36);
	}

	/** The lines logged while a request runs carry its id. */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void printsTheIdOnEveryLogLineOfTheRequest(CapturedOutput output) {
		// The first request initializes the servlet, logging before any filter runs: done
		// before.
		requestIdAnswered("warm-up");
		String logger = "org.springframework.web.servlet.DispatcherServlet";
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(logger, LogLevel.DEBUG);
		try {
			requestIdAnswered("log-lines-7");
		}
		finally {
			logging.setLogLevel(logger, null);
		}

		List<String> requestLines = output.getOut()
			.lines()
			// The lines logged at the level raised for the request (not the servlet's
			// initialization).
			.filter(line -> line.contains(" DEBUG ") && line.contains("DispatcherServlet"))
			.toList();
		assertThat(requestLines).anyMatch(line -> line.contains("POST \"/graphql\""))
			.anyMatch(line -> line.contains("Completed 200 OK"))
			.allMatch(line -> line.contains("[log-lines-7] "));
	}

	@Test
	void givesARequestWithoutOneAnId() {
		String answered = postAsAdmin("{\"query\":\"" + QUERY + "\"}").expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(RequestIdFilter.HEADER);

		assertThat(UUID.fromString(answered)).isNotNull();
	}

	@Test
	void answersARefusedTokenWithTheIdToo() {
		String answered = this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header(RequestIdFilter.HEADER, "refused-1")
			.bodyValue("{\"query\":\"" + QUERY + "\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(RequestIdFilter.HEADER);

		assertThat(answered).isEqualTo("refused-1");
	}

	private String requestIdAnswered(String sent) {
		return this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> headers.setBearerAuth(TestTokens.forUser(this.adminId, TestTokens.ALL)))
			.header(RequestIdFilter.HEADER, sent)
			.bodyValue("{\"query\":\"" + QUERY + "\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(RequestIdFilter.HEADER);
	}

}
