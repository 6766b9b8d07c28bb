package com.acme.gateway.sequencestatechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.acme.gateway.graphql.CursorCodec;
import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The subscription over Server-Sent Events, end to end, against writes of the API and of plain SQL. */
class SequenceStateChangeSubscriptionIntegrationTests extends IntegrationTest {

	private static final String SUBSCRIPTION = """
			subscription ($filter: SequenceStateFilter, $after: String) {
			  sequenceStateChanges(filter: $filter, after: $after) {
			    cursor kind id state { state replyCount pauseReason } transition { from to reason }
			  }
			}""";

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private SequenceStateChangeFeed feed;

	@Autowired
	private CursorCodec cursors;

	private final HttpClient client = HttpClient.newHttpClient();

	private long stateId;

	private long otherStateId;

	private Stream<String> openStream;

	@BeforeEach
	void states() {
		Fixtures.World world = this.fixtures.world();
		this.stateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		this.otherStateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Bob", "M", "bob@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
	}

	@AfterEach
	void close() {
		if (this.openStream != null) {
			this.openStream.close();
		}
	}

	@Test
	void seesPauseThroughApiAndUpdateWithPlainSqlThenResumesWithExactlyTheMissedChanges() throws Exception {
		Map<String, Object> filter = Map.of("id", Map.of("eq", Long.toString(this.stateId)));
		BlockingQueue<JsonNode> events = subscribe(filter, null);
		this.graphQlTester.document("mutation ($id: ID!) { pauseSequenceState(id: $id, reason: \"holiday\") { id } }")
			.variable("id", this.stateId)
			.executeAndVerify();
		execute("update sequence_state set reply_count = 4 where id = " + this.otherStateId);
		execute("update sequence_state set reply_count = 5 where id = " + this.stateId);

		// The fixtures' inserts may settle after the subscription started: they come first.
		JsonNode pause = nextOtherThanCreated(events);
		assertThat(pause.path("kind").asString()).isEqualTo("UPDATED");
		assertThat(pause.path("state").path("state").asString()).isEqualTo("PAUSED");
		assertThat(pause.path("transition").path("to").asString()).isEqualTo("PAUSED");
		assertThat(pause.path("transition").path("reason").asString()).isEqualTo("holiday");
		JsonNode update = next(events);
		assertThat(update.path("state").path("replyCount").asInt()).isEqualTo(5);
		assertThat(update.path("transition").isNull()).isTrue();
		this.openStream.close();
		waitForSubscribers(0);

		// Missed while no one listened: replayed from the pause's cursor, then live, each once.
		execute("update sequence_state set reply_count = 6 where id = " + this.stateId);
		BlockingQueue<JsonNode> resumed = subscribe(filter, pause.path("cursor").asString());
		assertThat(next(resumed).path("state").path("replyCount").asInt()).isEqualTo(5);
		assertThat(next(resumed).path("state").path("replyCount").asInt()).isEqualTo(6);
		execute("delete from sequence_state where id = " + this.stateId);
		JsonNode deletion = next(resumed);
		assertThat(deletion.path("kind").asString()).isEqualTo("DELETED");
		assertThat(deletion.path("id").asString()).isEqualTo(Long.toString(this.stateId));
		assertThat(deletion.path("state").isNull()).isTrue();
		execute("update sequence_state set reply_count = 7 where id = " + this.otherStateId);
		assertThat(resumed.poll(1500, TimeUnit.MILLISECONDS)).as("filtered out, no repeat").isNull();
	}

	@Test
	void rejectsCursorOlderThanRetention() throws Exception {
		String old = this.cursors.encode("sequenceStateChanges",
				List.of("1", "1", Long.toString(Instant.now().minus(Duration.ofDays(8)).toEpochMilli())));
		String body = post(old).body().limit(20).reduce("", (all, line) -> all + line + "\n");

		assertThat(body).contains("BAD_USER_INPUT").doesNotContain("Exception");
	}

	private BlockingQueue<JsonNode> subscribe(Map<String, Object> filter, String after) throws Exception {
		int before = this.feed.subscriberCount();
		// The response starts with the first event: read it on a thread of its own.
		java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> response = this.client
			.sendAsync(request(after, filter), HttpResponse.BodyHandlers.ofLines());
		BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> response.thenApply(this::opened).join().filter(line -> line.startsWith("data:"))
			.map(line -> json.readTree(line.substring("data:".length())))
			.filter(data -> data.has("data"))
			.forEach(data -> events.add(data.path("data").path("sequenceStateChanges"))));
		reader.setDaemon(true);
		reader.start();
		waitForSubscribers(before + 1);
		return events;
	}

	private Stream<String> opened(HttpResponse<Stream<String>> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
		this.openStream = response.body();
		return response.body();
	}

	private HttpResponse<Stream<String>> post(String after) throws Exception {
		return this.client.send(request(after, null), HttpResponse.BodyHandlers.ofLines());
	}

	private HttpRequest request(String after, Map<String, Object> filter) throws Exception {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("after", after);
		variables.put("filter", filter);
		String body = json.writeValueAsString(Map.of("query", SUBSCRIPTION, "variables", variables));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return request;
	}

	private void waitForSubscribers(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.feed.subscriberCount() != count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	private static JsonNode nextOtherThanCreated(BlockingQueue<JsonNode> events) throws InterruptedException {
		JsonNode event = next(events);
		return "CREATED".equals(event.path("kind").asString()) ? nextOtherThanCreated(events) : event;
	}

	private static JsonNode next(BlockingQueue<JsonNode> events) throws InterruptedException {
		JsonNode event = events.poll(10, TimeUnit.SECONDS);
		assertThat(event).as("a change within 10 s").isNotNull();
		return event;
	}

	private void execute(String sql) throws Exception {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

}
