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
 * {@code EventSource}-like client holds it: the changes arrive on a queue in the order
 * the stream delivered them; closing drops the connection, as a client going away does.
 */
final class SseSubscription implements AutoCloseable {

	static final String DOCUMENT = """
			subscription ($filter: SequenceStateFilter, $after: String) {
			  sequenceStateChanges(filter: $filter, after: $after) {
			    cursor kind id state { state replyCount pauseReason } transition { from to reason }
			  }
			}""";

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * A client of its own, as each subscriber is a browser of its own: no connection pool
	 * shared.
	 */
	private final HttpClient client = HttpClient.newHttpClient();

	private final BlockingQueue<JsonNode> changes = new LinkedBlockingQueue<>();

	private volatile Stream<String> stream;

	private volatile boolean closed;

	/**
	 * Where the gateway's feed is, told when a change does not arrive: stalled feed or
	 * stalled stream.
	 */
	private final java.util.function.Supplier<String> feedState;

	/**
	 * The stream's last event other than a change (an error, the end), for the same
	 * message.
	 */
	private volatile String lastOtherEvent = "none";

	private SseSubscription(java.util.function.Supplier<String> feedState) {
		this.feedState = feedState;
	}

	/**
	 * Subscribes on the gateway at {@code port} and returns once {@code feed} (that
	 * gateway's) counts one more subscriber, so a change committed afterwards is sure to
	 * be delivered.
	 */
	static SseSubscription open(int port, SequenceStateChangeFeed feed, String token, Map<String, Object> filter,
			String after) throws InterruptedException {
		int before = feed.subscriberCount();
		SseSubscription subscription = new SseSubscription(feed::describe);
		// The response starts with the first event: read it on a thread of its own.
		CompletableFuture<HttpResponse<Stream<String>>> response = subscription.client
			.sendAsync(request(port, token, filter, after), HttpResponse.BodyHandlers.ofLines());
		Thread reader = new Thread(() -> subscription.read(response.join()), "sse-subscription-" + port);
		reader.setDaemon(true);
		reader.start();
		awaitSubscribers(feed, before + 1);
		return subscription;
	}

	/** The next change, failing the test when none arrives within 10 s. */
	JsonNode next() throws InterruptedException {
		JsonNode change = this.changes.poll(10, TimeUnit.SECONDS);
		if (change == null) {
			assertThat(change)
				.as("a change within 10 s; last other event: %s; feed: %s; threads:%n%s", this.lastOtherEvent,
						this.feedState.get(), schedulerThreads())
				.isNotNull();
		}
		return change;
	}

	/**
	 * The next change other than a CREATED one (the fixtures' inserts may settle after
	 * subscribing).
	 */
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
			this.stream.filter(line -> line.startsWith("data:") || line.startsWith("event:")).forEach(line -> {
				if (line.startsWith("data:") && json.readTree(line.substring("data:".length())).has("data")) {
					this.changes
						.add(json.readTree(line.substring("data:".length())).path("data").path("sequenceStateChanges"));
				}
				else {
					this.lastOtherEvent = line;
				}
			});
			this.lastOtherEvent += " (then the stream ended)";
		}
		catch (java.io.UncheckedIOException ex) {
			// The test closed the stream (the changes it took are all it saw), or the
			// connection broke.
			this.lastOtherEvent += " (then the stream failed: " + ex.getMessage() + ")";
		}
	}

	/**
	 * The stacks of Reactor's worker threads, on which each subscriber's changes are
	 * delivered.
	 */
	private static String schedulerThreads() {
		StringBuilder threads = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			if (thread.getName().startsWith("boundedElastic") || thread.getName().contains("change-listener")) {
				threads.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
				for (int i = 0; i < Math.min(stack.length, 12); i++) {
					threads.append("    at ").append(stack[i]).append('\n');
				}
			}
		});
		return threads.toString();
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
