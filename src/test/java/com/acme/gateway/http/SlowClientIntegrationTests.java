package com.acme.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 27: clients that trickle their body, one byte a second, as many of them as there
 * are request threads, do not keep another client from being answered; each of them is
 * answered 408 once {@code gateway.http.max-body-read-time} (10 s) has passed; and 2,000
 * idle connections do not keep anyone from being answered either.
 */
class SlowClientIntegrationTests extends IntegrationTest {

	/**
	 * As many as the request threads (server.tomcat.threads.max): without the body
	 * deadline they hold them all.
	 */
	private static final int SLOW_CLIENTS = 16;

	@LocalServerPort
	private int port;

	@Test
	void answersOthersWhileClientsTrickleTheirBodies() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(2 * SLOW_CLIENTS);
		try {
			List<CompletableFuture<String>> slowClients = new ArrayList<>();
			for (int i = 0; i < SLOW_CLIENTS; i++) {
				slowClients.add(CompletableFuture.supplyAsync(() -> trickleBody(executor), executor));
			}
			Thread.sleep(1000);

			// Generous: the deadline frees the threads after 10 s; without it this never
			// returns.
			assertAnotherClientIsAnswered();

			for (CompletableFuture<String> slowClient : slowClients) {
				assertThat(slowClient.get(40, TimeUnit.SECONDS)).startsWith("HTTP/1.1 408");
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * 2,000 connections that connect and send nothing hold no request thread (Tomcat's
	 * NIO connector parks them in its poller), so another client is answered while they
	 * are open; and the server closes each of them itself
	 * ({@code server.tomcat.connection-timeout}), so they do not stay among its
	 * {@code max-connections} for good.
	 */
	@Test
	void answersOthersWhileTwoThousandConnectionsSitIdle() throws Exception {
		List<Socket> idle = new ArrayList<>();
		try {
			for (int i = 0; i < 2_000; i++) {
				Socket socket = new Socket("127.0.0.1", this.port);
				socket.setSoTimeout(60_000);
				idle.add(socket);
			}

			assertAnotherClientIsAnswered();

			for (Socket socket : idle) {
				// End of stream: the server hung up on the silent connection (a read
				// timeout would throw).
				assertThat(socket.getInputStream().read()).isEqualTo(-1);
			}
		}
		finally {
			for (Socket socket : idle) {
				socket.close();
			}
		}
	}

	/** A plain query from another client is answered (within a generous 40 s). */
	private void assertAnotherClientIsAnswered() {
		this.webTestClient.mutate()
			.responseTimeout(Duration.ofSeconds(40))
			.build()
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL))
			.header("Content-Type", "application/json")
			.bodyValue("{\"query\":\"{ __typename }\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.__typename")
			.isEqualTo("Query");
	}

	/**
	 * Sends a 1,000-byte body one byte a second and returns the status line it is
	 * answered with.
	 */
	private String trickleBody(ExecutorService executor) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(40_000);
			OutputStream output = socket.getOutputStream();
			output.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 1000\r\n\r\n{")
				.getBytes(StandardCharsets.US_ASCII));
			output.flush();
			BufferedReader input = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			CompletableFuture<String> statusLine = CompletableFuture.supplyAsync(() -> {
				try {
					return input.readLine();
				}
				catch (java.io.IOException failure) {
					return "read failed: " + failure.getMessage();
				}
			}, executor);
			while (!statusLine.isDone()) {
				output.write(' ');
				output.flush();
				Thread.sleep(1000);
			}
			return statusLine.get();
		}
		catch (Exception failure) {
			return "failed: " + failure;
		}
	}

}
