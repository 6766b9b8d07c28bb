package com.acme.gateway.sequencestatechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.acme.gateway.graphql.CursorCodec;
import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The subscription over Server-Sent Events on one instance, end to end, against writes of
 * the API and of plain SQL; {@link TwoInstanceSubscriptionIntegrationTests} has two
 * instances.
 */
class SequenceStateChangeSubscriptionIntegrationTests extends IntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private SequenceStateChangeFeed feed;

	@Autowired
	private CursorCodec cursors;

	private long stateId;

	private long otherStateId;

	@BeforeEach
	void states() {
		Fixtures.World world = this.fixtures.world();
		this.stateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		this.otherStateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Bob", "M", "bob@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
	}

	@Test
	void seesPauseThroughApiAndUpdateWithPlainSqlThenResumesWithExactlyTheMissedChanges() throws Exception {
		Map<String, Object> filter = Map.of("id", Map.of("eq", Long.toString(this.stateId)));
		JsonNode pause;
		try (SseSubscription events = subscribe(filter, null)) {
			this.graphQlTester
				.document("mutation ($id: ID!) { pauseSequenceState(id: $id, reason: \"holiday\") { id } }")
				.variable("id", this.stateId)
				.executeAndVerify();
			execute("update sequence_state set reply_count = 4 where id = " + this.otherStateId);
			execute("update sequence_state set reply_count = 5 where id = " + this.stateId);

			pause = events.nextOtherThanCreated();
			assertThat(pause.path("kind").asString()).isEqualTo("UPDATED");
			assertThat(pause.path("state").path("state").asString()).isEqualTo("PAUSED");
			assertThat(pause.path("transition").path("to").asString()).isEqualTo("PAUSED");
			assertThat(pause.path("transition").path("reason").asString()).isEqualTo("holiday");
			JsonNode update = events.next();
			assertThat(update.path("state").path("replyCount").asInt()).isEqualTo(5);
			assertThat(update.path("transition").isNull()).isTrue();
		}
		SseSubscription.awaitSubscribers(this.feed, 0);

		// Missed while no one listened: replayed from the pause's cursor, then live, each
		// once.
		execute("update sequence_state set reply_count = 6 where id = " + this.stateId);
		try (SseSubscription resumed = subscribe(filter, pause.path("cursor").asString())) {
			assertThat(resumed.next().path("state").path("replyCount").asInt()).isEqualTo(5);
			assertThat(resumed.next().path("state").path("replyCount").asInt()).isEqualTo(6);
			execute("delete from sequence_state where id = " + this.stateId);
			JsonNode deletion = resumed.next();
			assertThat(deletion.path("kind").asString()).isEqualTo("DELETED");
			assertThat(deletion.path("id").asString()).isEqualTo(Long.toString(this.stateId));
			assertThat(deletion.path("state").isNull()).isTrue();
			execute("update sequence_state set reply_count = 7 where id = " + this.otherStateId);
			assertThat(resumed.poll(1500)).as("filtered out, no repeat").isNull();
		}
	}

	/**
	 * Thirty subscribers over three filters that need SQL (a prospect's emails): a change
	 * is matched against the three filters once, with the read of its batch, in one
	 * statement, not once per subscriber.
	 */
	@Test
	void subscribersOfTheSameFiltersShareOneMatchingStatementPerBatch() throws Exception {
		thirtySubscribersOverThreeFilters(
				List.of(Map.of("prospect", Map.of("emails", Map.of("has", "ada@example.com"))),
						Map.of("replyCount", Map.of("gte", 7), "prospect",
								Map.of("emails", Map.of("has", "ada@example.com"))),
						Map.of("prospect", Map.of("emails", Map.of("has", "bob@example.com")))),
				3, 1);
	}

	/**
	 * The same over filters on the state's own columns: each subscriber matches them in
	 * memory, with no statement at all.
	 */
	@Test
	void subscribersOfFiltersOnTheStateItselfAreMatchedInMemory() throws Exception {
		thirtySubscribersOverThreeFilters(List.of(Map.of("id", Map.of("eq", Long.toString(this.stateId))),
				Map.of("replyCount", Map.of("gte", 7), "state", Map.of("in", List.of("ACTIVE", "PAUSED"))),
				Map.of("id", Map.of("eq", Long.toString(this.otherStateId)))), 0, 0);
	}

	/**
	 * Opens ten subscribers of each filter, updates the first state, and checks that the
	 * first two filters' subscribers get it and the third's do not, with
	 * {@code filtersMatchedBySql} distinct filters held by the feed and
	 * {@code matchingStatements} statements matching them.
	 */
	private void thirtySubscribersOverThreeFilters(List<Map<String, Object>> filters, int filtersMatchedBySql,
			int matchingStatements) throws Exception {
		List<SseSubscription> subscribers = new ArrayList<>();
		try {
			for (int i = 0; i < 30; i++) {
				subscribers.add(subscribe(filters.get(i % 3), null));
			}
			assertThat(this.feed.filterCount()).isEqualTo(filtersMatchedBySql);
			awaitQuietFeed();
			this.statements.reset();
			execute("update sequence_state set reply_count = 7 where id = " + this.stateId);

			for (int i = 0; i < 30; i++) {
				if (i % 3 == 2) {
					continue;
				}
				JsonNode change = subscribers.get(i).nextOtherThanCreated();
				assertThat(change.path("id").asString()).isEqualTo(Long.toString(this.stateId));
				assertThat(change.path("state").path("replyCount").asInt()).isEqualTo(7);
			}
			assertThat(this.statements.changeFilterMatches()).isEqualTo(matchingStatements);
			for (int i = 2; i < 30; i += 3) {
				assertThat(subscribers.get(i).poll(0)).as("the other state's subscriber").isNull();
			}
		}
		finally {
			subscribers.forEach(SseSubscription::close);
		}
		// The server learns that a stream is closed when it writes to it: changes for
		// every filter.
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		for (int replies = 8; this.feed.filterCount() > 0 && System.nanoTime() < deadline; replies++) {
			execute("update sequence_state set reply_count = " + replies + " where id in (" + this.stateId + ", "
					+ this.otherStateId + ")");
			Thread.sleep(200);
		}
		assertThat(this.feed.filterCount()).as("filters of the closed subscriptions").isZero();
	}

	/**
	 * Every commit below notifies; the feed answers the notifications that arrive within
	 * one {@code min-poll-interval} (25 ms) with one read, so the reads stay bounded by
	 * the time, not by the commits.
	 */
	@Test
	void readsTheLogAtMostOncePerMinPollIntervalUnderAStreamOfCommits() throws Exception {
		awaitQuietFeed();
		this.statements.reset();
		long started = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			for (int replies = 1; replies <= 200; replies++) {
				statement.executeUpdate(
						"update sequence_state set reply_count = " + replies + " where id = " + this.stateId);
			}
		}
		// The commits can all finish before the feed's first read (113 ms for 200 on a
		// busy machine): wait for that read, without reading the log ourselves, so the
		// count below is of a stream the feed has begun to follow.
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (this.statements.changeLogReads() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
		int reads = this.statements.changeLogReads();

		// One read per 25 ms, plus the one under way when the commits began and one at
		// the end.
		assertThat(reads).as("log reads during %d ms of 200 commits", elapsedMillis)
			.isPositive()
			.isLessThanOrEqualTo((int) (elapsedMillis / 25) + 2);
		awaitQuietFeed();
		assertThat(this.feed.isCaughtUp()).as("every change published in the end").isTrue();
	}

	@Test
	void rejectsCursorOlderThanRetention() throws Exception {
		String old = this.cursors.encode("sequenceStateChanges",
				List.of("1", "1", Long.toString(Instant.now().minus(Duration.ofDays(8)).toEpochMilli())));
		String body = HttpClient.newHttpClient()
			.send(SseSubscription.request(this.port, token(), null, old), HttpResponse.BodyHandlers.ofLines())
			.body()
			.limit(20)
			.reduce("", (all, line) -> all + line + "\n");

		assertThat(body).contains("BAD_USER_INPUT").doesNotContain("Exception");
	}

	/**
	 * Waits until the fixtures' inserts are published, so the next batch holds only what
	 * follows.
	 */
	private void awaitQuietFeed() throws InterruptedException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		while (!this.feed.isCaughtUp() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	private SseSubscription subscribe(Map<String, Object> filter, String after) throws InterruptedException {
		return SseSubscription.open(this.port, this.feed, token(), filter, after);
	}

	private String token() {
		return TestTokens.forUser(this.adminId, TestTokens.ALL);
	}

	private void execute(String sql) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

}
