package com.acme.gateway.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * Spring's {@link WebSocketGraphQlClient} against the test server, and the waits the
 * tests share.
 */
final class SubscriptionClients {

	static final String CHANGES = """
			subscription ($filter: SequenceStateFilter, $after: String) {
			  sequenceStateChanges(filter: $filter, after: $after) {
			    cursor kind id state { state replyCount pauseReason } transition { from to reason }
			  }
			}""";

	private SubscriptionClients() {
	}

	static URI webSocketUri(int port) {
		return URI.create("ws://localhost:" + port + "/graphql");
	}

	/**
	 * A client whose {@code connection_init} carries {@code authorization} (none when
	 * null).
	 */
	static WebSocketGraphQlClient client(int port, String authorization) {
		WebSocketGraphQlClient.Builder<?> builder = WebSocketGraphQlClient.builder(webSocketUri(port),
				new StandardWebSocketClient());
		if (authorization != null) {
			builder.interceptor(new WebSocketGraphQlClientInterceptor() {

				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", authorization));
				}

			});
		}
		return builder.build();
	}

	/**
	 * What a subscription received: its responses, then its end (an error, or
	 * "complete").
	 */
	record Received(BlockingQueue<ClientGraphQlResponse> responses, BlockingQueue<Object> ends,
			Disposable subscription) {

		public ClientGraphQlResponse next() throws InterruptedException {
			ClientGraphQlResponse response = this.responses.poll(30, TimeUnit.SECONDS);
			assertThat(response).as("a response within 30 s").isNotNull();
			return response;
		}

		/**
		 * The next change that is not a CREATED (fixtures' inserts may settle after the
		 * subscribe).
		 */
		public Map<String, Object> nextChangeOtherThanCreated() throws InterruptedException {
			Map<String, Object> change = next().field("sequenceStateChanges").toEntity(Map.class);
			return "CREATED".equals(change.get("kind")) ? nextChangeOtherThanCreated() : change;
		}

		/** The error the subscription ended with, or "complete". */
		public Object end() throws InterruptedException {
			Object end = this.ends.poll(30, TimeUnit.SECONDS);
			assertThat(end).as("the subscription's end within 30 s").isNotNull();
			return end;
		}

	}

	static Received subscribe(WebSocketGraphQlClient client, String document, Map<String, Object> variables) {
		BlockingQueue<ClientGraphQlResponse> responses = new LinkedBlockingQueue<>();
		BlockingQueue<Object> end = new LinkedBlockingQueue<>();
		Disposable subscription = client.document(document)
			.variables(variables)
			.executeSubscription()
			.subscribe(responses::add, end::add, () -> end.add("complete"));
		return new Received(responses, end, subscription);
	}

	/**
	 * Waits (at most 30 s) until {@code count} says {@code expected}; the caller asserts
	 * afterwards.
	 */
	static void waitUntil(IntSupplier count, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (count.getAsInt() != expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	static void execute(DataSource dataSource, String sql) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static int count(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
