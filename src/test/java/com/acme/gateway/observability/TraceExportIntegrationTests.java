package com.acme.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.acme.gateway.GatewayApplication;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestDatabase;
import com.acme.gateway.support.TestTokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spans leave the gateway over OTLP when, and only when, an endpoint is configured. The
 * gateway runs here as it is deployed (a plain application, not a test context, which
 * Spring Boot starts with tracing off), against a collector stand-in that keeps what it
 * is sent.
 */
class TraceExportIntegrationTests extends IntegrationTest {

	@Test
	void exportsTheSpanOfAGraphQlRequestWithItsOperationName() throws Exception {
		LinkedBlockingQueue<String> exports = new LinkedBlockingQueue<>();
		HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		collector.createContext("/v1/traces", exchange -> {
			// OTLP's protobuf keeps strings as they are: names and tag values can be
			// searched for.
			exports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
		TestDatabase database = TestDatabase.get();
		try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.liquibase.enabled=false",
				"--gateway.security.jwt-secret=" + TestTokens.SECRET,
				"--management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
						+ collector.getAddress().getPort() + "/v1/traces",
				"--management.tracing.sampling.probability=1.0", "--spring.autoconfigure.exclude=",
				"--management.opentelemetry.tracing.export.schedule-delay=100ms")) {
			int port = gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL))
					.POST(HttpRequest.BodyPublishers.ofString(
							"{\"query\":\"query ExportedOperation { sequenceStates(first: 1) { totalCount } }\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.body()).contains("\"totalCount\":0");

			String exported = awaitExportContaining(exports, "ExportedOperation");
			assertThat(exported).contains(OperationNameObservationConvention.OPERATION_NAME).contains("graphql query");
		}
		finally {
			collector.stop(0);
		}
	}

	private static String awaitExportContaining(LinkedBlockingQueue<String> exports, String text)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		StringBuilder seen = new StringBuilder();
		while (System.nanoTime() < deadline) {
			String export = exports.poll(1, TimeUnit.SECONDS);
			if (export != null) {
				seen.append(export);
				if (export.contains(text)) {
					return export;
				}
			}
		}
		throw new AssertionError("no OTLP export with '" + text + "' in 30 s; received " + seen.length() + " bytes");
	}

}
