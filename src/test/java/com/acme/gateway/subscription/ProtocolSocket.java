package com.acme.gateway.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code graphql-transport-ws} connection spoken message by message (the JDK's
 * WebSocket), for tests that look at the protocol's messages themselves: each message
 * without an id (ack, ping) and each operation's messages in order.
 */
final class ProtocolSocket implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final BlockingQueue<JsonNode> connectionMessages = new LinkedBlockingQueue<>();

	private final Map<String, BlockingQueue<JsonNode>> operations = new ConcurrentHashMap<>();

	private final WebSocket socket;

	ProtocolSocket(URI uri) throws Exception {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(uri, new WebSocket.Listener() {

				private final StringBuilder text = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					this.text.append(data);
					if (last) {
						JsonNode message = json.readTree(this.text.toString());
						this.text.setLength(0);
						String id = message.path("id").isString() ? message.path("id").asString() : null;
						(id == null ? ProtocolSocket.this.connectionMessages : operation(id)).add(message);
					}
					webSocket.request(1);
					return null;
				}

			})
			.get(30, TimeUnit.SECONDS);
	}

	/** Sends {@code connection_init} with the token and waits for the ack. */
	ProtocolSocket initialised(String authorization) throws Exception {
		send(Map.of("type", "connection_init", "payload", Map.of("Authorization", authorization)));
		assertThat(nextConnectionMessage().path("type").asString()).isEqualTo("connection_ack");
		return this;
	}

	void subscribe(String id, String query, Map<String, Object> variables) throws Exception {
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
	}

	void complete(String id) throws Exception {
		send(Map.of("id", id, "type", "complete"));
	}

	JsonNode nextConnectionMessage() throws InterruptedException {
		JsonNode message = this.connectionMessages.poll(30, TimeUnit.SECONDS);
		assertThat(message).as("a message within 30 s").isNotNull();
		return message;
	}

	/** The operation's next message ({@code next}, {@code error} or {@code complete}). */
	JsonNode next(String id) throws InterruptedException {
		JsonNode message = operation(id).poll(30, TimeUnit.SECONDS);
		assertThat(message).as("a message for %s within 30 s", id).isNotNull();
		return message;
	}

	/**
	 * The operation's next change other than CREATED (fixtures' inserts may settle after
	 * the subscribe).
	 */
	JsonNode nextChangeOtherThanCreated(String id) throws InterruptedException {
		JsonNode message = next(id);
		assertThat(message.path("type").asString()).as("%s", message).isEqualTo("next");
		JsonNode change = message.path("payload").path("data").path("sequenceStateChanges");
		return "CREATED".equals(change.path("kind").asString()) ? nextChangeOtherThanCreated(id) : change;
	}

	private BlockingQueue<JsonNode> operation(String id) {
		return this.operations.computeIfAbsent(id, key -> new LinkedBlockingQueue<>());
	}

	private void send(Map<String, Object> message) throws Exception {
		this.socket.sendText(json.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		this.socket.abort();
	}

}
