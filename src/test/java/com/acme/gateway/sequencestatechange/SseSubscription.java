package com.acme.gateway.sequencestatechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code sequenceStateChanges} subscription over Server-Sent Events, as a browser's
 * {@code EventSource}-like client holds it: the changes arrive on a queue in the order the
 * stream delivered them; closing drops the connection, as a client going away does.
 */
final class SseSubscription implements AutoCloseable {

	static final String DOCUMENT = """
			subscription ($filter: SequenceStateFilter, $after: String) {
			  sequenceStateChanges(filter: $filter, after: $after) {
			    cursor kind id state { state replyCount pauseReason } transition { from to reason }
			  }
			}""";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient client = HttpClient.newHttpClient();

	private final BlockingQueue<JsonNode> changes = new LinkedBlockingQueue<>();

	private volatile Stream<String> stream;

	private volatile boolean closed;

	private SseSubscription() {
	}

	/**
	 * Subscribes on the gateway at {@code port} and returns once {@code feed} (that gateway's)
	 * counts one more subscriber, so a change committed afterwards is sure to be delivered.
	 */
	static SseSubscription open(int port, SequenceStateChangeFeed feed, String token, Map<String, Object> filter,
			String after) throws InterruptedException {
		int before = feed.subscriberCount();
		SseSubscription subscription = new SseSubscription();
		// The response starts with the first event: read it on a thread of its own.
		CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request(port, token, filter, after),
				HttpResponse.BodyHandlers.ofLines());
		Thread reader = new Thread(() -> subscription.read(response.join()), "sse-subscription-" + port);
		reader.setDaemon(true);
		reader.start();
		awaitSubscribers(feed, before + 1);
		return subscription;
	}

	/** The next change, failing the test when none arrives within 10 s. */
	JsonNode next() throws InterruptedException {
		JsonNode change = this.changes.poll(10, TimeUnit.SECONDS);
		assertThat(change).as("a change within 10 s").isNotNull();
		return change;
	}

	/** The next change other than a CREATED one (the fixtures' inserts may settle after subscribing). */
	JsonNode nextOtherThanCreated() throws InterruptedException {
		JsonNode change = next();
		return "CREATED".equals(change.path("kind").asString()) ? nextOtherThanCreated() : change;
	}

	/** The next change if one arrives within {@code millis}, else null. */
	JsonNode poll(long millis) throws InterruptedException {
		return this.changes.poll(millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.closed = true;
		Stream<String> open = this.stream;
		if (open != null) {
			open.close();
		}
	}

	static void awaitSubscribers(SequenceStateChangeFeed feed, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (feed.subscriberCount() != count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	private void read(HttpResponse<Stream<String>> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
		this.stream = response.body();
		if (this.closed) {
			// Closed before the first event brought the response: nothing to read.
			this.stream.close();
			return;
		}
		try {
			this.stream.filter(line -> line.startsWith("data:"))
				.map(line -> json.readTree(line.substring("data:".length())))
				.filter(data -> data.has("data"))
				.forEach(data -> this.changes.add(data.path("data").path("sequenceStateChanges")));
		}
		catch (java.io.UncheckedIOException ex) {
			// The test closed the stream: the changes it took are all it saw.
		}
	}

	static HttpRequest request(int port, String token, Map<String, Object> filter, String after) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("after", after);
		variables.put("filter", filter);
		String body = json.writeValueAsString(Map.of("query", DOCUMENT, "variables", variables));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
