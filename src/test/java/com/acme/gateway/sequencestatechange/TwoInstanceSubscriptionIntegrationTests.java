package com.acme.gateway.sequencestatechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.gateway.graphql.CursorCodec;
import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.TestDatabase;
import com.acme.gateway.support.TestTokens;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two gateway instances, A and B, on one database, as they are deployed behind a load
 * balancer: a subscriber of either sees every committed change, whichever instance or
 * other system made it, and a client moving from one instance to the other with its last
 * cursor misses nothing.
 */
class TwoInstanceSubscriptionIntegrationTests {

	private static final String PAUSE = "mutation ($id: ID!) { pauseSequenceState(id: $id, reason: \"holiday\") { id } }";

	private static final String RESUME = "mutation ($id: ID!) { resumeSequenceState(id: $id) { id } }";

	private static GatewayInstance a;

	private static GatewayInstance b;

	private Fixtures fixtures;

	private String token;

	private Fixtures.World world;

	/**
	 * A new pair for every test: a stream a test closed stays open on its server until
	 * the server next writes to it, and the tables' ids restart, so a later test's
	 * changes would be written to the earlier tests' streams on the same instances (in
	 * the full suite, such a write coincided with a live stream's write failing, which
	 * did not reproduce with the instances alone).
	 */
	@BeforeEach
	void startTwoInstancesOnEmptyTables() {
		a = GatewayInstance.start();
		b = GatewayInstance.start();
		startFromEmptyTables();
	}

	@AfterEach
	void stopInstances() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	private void startFromEmptyTables() {
		this.fixtures = new Fixtures(a.bean(DSLContext.class));
		this.fixtures.deleteAll();
		this.token = TestTokens.forUser(this.fixtures.user("two-instances-admin@example.com", "admin"), TestTokens.ALL);
		this.world = this.fixtures.world();
	}

	@Test
	void subscriberOnOneInstanceSeesPauseMadeOnTheOtherAndUpdateMadeWithPlainSql() throws Exception {
		long stateId = activeState("ada@example.com");
		try (SseSubscription onB = b.subscribe(this.token, idIn(stateId), null)) {
			assertNoErrors(a.execute(this.token, PAUSE, Map.of("id", stateId)));
			execute("update sequence_state set reply_count = 5 where id = " + stateId);

			JsonNode pause = onB.nextOtherThanCreated();
			assertThat(pause.path("kind").asString()).isEqualTo("UPDATED");
			assertThat(pause.path("state").path("state").asString()).isEqualTo("PAUSED");
			assertThat(pause.path("transition").path("to").asString()).isEqualTo("PAUSED");
			assertThat(pause.path("transition").path("reason").asString()).isEqualTo("holiday");
			JsonNode update = onB.next();
			assertThat(update.path("state").path("replyCount").asInt()).isEqualTo(5);
			assertThat(update.path("transition").isNull()).isTrue();
		}
	}

	/**
	 * A writer keeps committing while the client drops its stream on B and resumes on A
	 * from the last change it took: the two streams joined hold every write once, in
	 * order.
	 */
	@Test
	void clientMovingToTheOtherInstanceWithAfterGetsExactlyTheChangesItMissed() throws Exception {
		long stateId = activeState("ada@example.com");
		List<Integer> seen = new ArrayList<>();
		AtomicInteger written = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService writer = Executors.newSingleThreadExecutor();
		try {
			String lastCursor;
			try (SseSubscription onB = b.subscribe(this.token, idIn(stateId), null)) {
				Future<?> writes = writer.submit(() -> {
					while (!stop.get()) {
						execute("update sequence_state set reply_count = " + (written.get() + 1) + " where id = "
								+ stateId);
						written.incrementAndGet();
						Thread.sleep(5);
					}
					return null;
				});
				JsonNode change = onB.nextOtherThanCreated();
				seen.add(change.path("state").path("replyCount").asInt());
				while (seen.size() < 30) {
					change = onB.next();
					seen.add(change.path("state").path("replyCount").asInt());
				}
				lastCursor = change.path("cursor").asString();
				assertThat(writes.isDone()).isFalse();
			}
			try (SseSubscription onA = a.subscribe(this.token, idIn(stateId), lastCursor)) {
				int writtenWhenResumed = written.get();
				while (written.get() < writtenWhenResumed + 30) {
					Thread.sleep(10);
				}
				stop.set(true);
				writer.shutdown();
				assertThat(writer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
				while (seen.get(seen.size() - 1) < written.get()) {
					seen.add(onA.next().path("state").path("replyCount").asInt());
				}
				assertThat(onA.poll(300)).as("nothing after the last write").isNull();
			}
		}
		finally {
			stop.set(true);
			writer.shutdownNow();
		}
		assertThat(seen).containsExactlyElementsOf(rangeClosed(1, written.get()));
	}

	/**
	 * Mutations on both instances and plain-SQL transactions commit concurrently, one of
	 * them writing first and last and committing after the others: subscribers on both
	 * instances (one of them filtered) receive exactly the log's changes, in the log's
	 * order, each once.
	 */
	@Test
	void concurrentWritersOnBothInstancesAndPlainSqlLoseNothingAtAnySubscriber() throws Exception {
		long pausedOnA = activeState("a@example.com");
		long pausedOnB = activeState("b@example.com");
		List<Long> sqlStates = List.of(activeState("s1@example.com"), activeState("s2@example.com"),
				activeState("s3@example.com"));
		long heldOpen = activeState("held@example.com");
		long marker = activeState("marker@example.com");
		try (SseSubscription allOnA = a.subscribe(this.token, null, null);
				SseSubscription allOnB = b.subscribe(this.token, null, null);
				SseSubscription someOnB = b.subscribe(this.token, idIn(pausedOnA, heldOpen, marker), null)) {
			execute("update sequence_state set reply_count = 1 where id = " + marker);
			List<SseSubscription> subscribers = List.of(allOnA, allOnB, someOnB);
			List<JsonNode> starts = new ArrayList<>();
			for (SseSubscription subscriber : subscribers) {
				starts.add(nextMarker(subscriber, marker, 1, new ArrayList<>()));
			}

			CountDownLatch someCommitted = new CountDownLatch(10);
			ExecutorService writers = Executors.newFixedThreadPool(6);
			List<Future<?>> done = new ArrayList<>();
			done.add(writers.submit(() -> pauseAndResume(a, pausedOnA, 10, someCommitted)));
			done.add(writers.submit(() -> pauseAndResume(b, pausedOnB, 10, someCommitted)));
			for (long state : sqlStates) {
				done.add(writers.submit(() -> updateInShortTransactions(state, 20, someCommitted)));
			}
			done.add(writers.submit(() -> writeFirstAndLastCommitLate(heldOpen, someCommitted)));
			for (Future<?> writer : done) {
				writer.get(60, TimeUnit.SECONDS);
			}
			writers.shutdown();
			execute("update sequence_state set reply_count = 2 where id = " + marker);

			List<ChangePosition> expected = loggedBetween(position(starts.get(0)), marker);
			assertThat(expected).as("every write in the log").hasSize(20 + 20 + 60 + 2);
			assertThat(positionsOutOfOrder(expected)).as("the writers committed out of position order").isTrue();
			List<ChangePosition> onA = new ArrayList<>();
			List<ChangePosition> onB = new ArrayList<>();
			List<ChangePosition> filteredOnB = new ArrayList<>();
			nextMarker(allOnA, marker, 2, onA);
			nextMarker(allOnB, marker, 2, onB);
			nextMarker(someOnB, marker, 2, filteredOnB);
			assertThat(onA).containsExactlyElementsOf(expected);
			assertThat(onB).containsExactlyElementsOf(expected);
			assertThat(filteredOnB)
				.containsExactlyElementsOf(loggedBetween(position(starts.get(2)), marker, pausedOnA, heldOpen));
		}
	}

	@Test
	void rolledBackWritesReachNoSubscriber() throws Exception {
		long stateId = activeState("ada@example.com");
		long marker = activeState("marker@example.com");
		try (SseSubscription onB = b.subscribe(this.token, idIn(stateId, marker), null)) {
			try (Connection connection = connect()) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate("update sequence_state set reply_count = 9 where id = " + stateId);
					statement.executeUpdate("delete from sequence_state where id = " + stateId);
				}
				connection.rollback();
			}
			// Refused by the API (only a paused state resumes): nothing written, nothing
			// delivered.
			assertThat(a.execute(this.token, RESUME, Map.of("id", stateId)).path("errors")).isNotEmpty();
			execute("update sequence_state set reply_count = 1 where id = " + marker);

			JsonNode next = onB.nextOtherThanCreated();
			assertThat(next.path("id").asString()).isEqualTo(Long.toString(marker));
			assertThat(onB.poll(300)).isNull();
		}
	}

	/**
	 * Every instance's listening connection is terminated by the server; changes
	 * committed while none listens still arrive (the feed reads the log when the
	 * connection fails and on its timer), and once the listeners are back later changes
	 * arrive as before.
	 */
	@Test
	void listeningConnectionsKilledByTheServerRecoverAndLoseNothing() throws Exception {
		long stateId = activeState("ada@example.com");
		try (SseSubscription onB = b.subscribe(this.token, idIn(stateId), null)) {
			List<Integer> listeners = listenerPids();
			assertThat(listeners).as("A's and B's listening connections").hasSizeGreaterThanOrEqualTo(2);
			// Over the listed pids only: in a filter on pg_stat_activity, the planner may
			// call
			// pg_terminate_backend before the pid test, on every backend of the server.
			assertThat(query("select count(*) filter (where pg_terminate_backend(pid)) from unnest(array" + listeners
					+ "::int[]) as pid"))
				.isPositive();
			while (!listenerPids().stream().noneMatch(listeners::contains)) {
				Thread.sleep(10);
			}
			int written = 0;
			// Until every listener is back; bounded, as another context may have closed
			// meanwhile.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			do {
				written++;
				execute("update sequence_state set reply_count = " + written + " where id = " + stateId);
				Thread.sleep(20);
			}
			while (listenerPids().size() < listeners.size() && System.nanoTime() < deadline);
			assertThat(listenerPids()).as("A's and B's listeners, reconnected")
				.hasSizeGreaterThanOrEqualTo(2)
				.doesNotContainAnyElementsOf(listeners);
			execute("update sequence_state set reply_count = " + (++written) + " where id = " + stateId);

			List<Integer> seen = new ArrayList<>();
			seen.add(onB.nextOtherThanCreated().path("state").path("replyCount").asInt());
			while (seen.size() < written) {
				seen.add(onB.next().path("state").path("replyCount").asInt());
			}
			assertThat(seen).containsExactlyElementsOf(rangeClosed(1, written));
			assertThat(onB.poll(300)).isNull();
		}
	}

	private long activeState(String email) {
		return this.fixtures.state(this.fixtures.prospect(this.world.account(), "First", "Last", email),
				this.world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
	}

	private static Map<String, Object> idIn(long... ids) {
		return Map.of("id", Map.of("in", java.util.Arrays.stream(ids).mapToObj(Long::toString).toList()));
	}

	private static void assertNoErrors(JsonNode answer) {
		assertThat(answer.has("errors")).as(answer.toString()).isFalse();
	}

	private Void pauseAndResume(GatewayInstance instance, long stateId, int times, CountDownLatch committed)
			throws Exception {
		for (int i = 0; i < times; i++) {
			assertNoErrors(instance.execute(this.token, PAUSE, Map.of("id", stateId)));
			committed.countDown();
			assertNoErrors(instance.execute(this.token, RESUME, Map.of("id", stateId)));
			committed.countDown();
		}
		return null;
	}

	/**
	 * Transactions that stay open a random moment after writing, so their commits
	 * interleave.
	 */
	private static Void updateInShortTransactions(long stateId, int times, CountDownLatch committed) throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (int i = 0; i < times; i++) {
				statement
					.executeUpdate("update sequence_state set reply_count = reply_count + 1 where id = " + stateId);
				statement.execute("select pg_sleep(random() * 0.02)");
				connection.commit();
				committed.countDown();
			}
		}
		return null;
	}

	/**
	 * Takes its xid before the others commit, writes again after them, and commits last.
	 */
	private static Void writeFirstAndLastCommitLate(long stateId, CountDownLatch othersCommitted) throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.executeUpdate("update sequence_state set reply_count = 1 where id = " + stateId);
			assertThat(othersCommitted.await(30, TimeUnit.SECONDS)).isTrue();
			statement.executeUpdate("update sequence_state set reply_count = 2 where id = " + stateId);
			connection.commit();
		}
		return null;
	}

	/**
	 * Takes changes until the marker's change with {@code replyCount}, adding the
	 * positions of the others to {@code before}; returns the marker's change.
	 */
	private static JsonNode nextMarker(SseSubscription subscription, long marker, int replyCount,
			List<ChangePosition> before) throws InterruptedException {
		while (true) {
			JsonNode change = subscription.next();
			if (change.path("id").asString().equals(Long.toString(marker))
					&& change.path("state").path("replyCount").asInt() == replyCount) {
				return change;
			}
			before.add(position(change));
		}
	}

	private static ChangePosition position(JsonNode change) {
		List<String> values = a.bean(CursorCodec.class)
			.decode(change.path("cursor").asString(), "sequenceStateChanges", 3);
		return new ChangePosition(Long.parseLong(values.get(0)), Long.parseLong(values.get(1)));
	}

	/**
	 * The log's changes after {@code start}, up to (not with) the marker's next change,
	 * in feed order.
	 */
	private static List<ChangePosition> loggedBetween(ChangePosition start, long marker, long... onlyStates)
			throws SQLException {
		String only = (onlyStates.length == 0) ? ""
				: " and id = any(array" + java.util.Arrays.toString(onlyStates) + "::bigint[])";
		String sql = "select change_xid, change_position from sequence_state_change where (change_xid, change_position) > ("
				+ start.xid() + ", " + start.position() + ") and (change_xid, change_position) < (select change_xid, "
				+ "change_position from sequence_state_change where id = " + marker
				+ " and (change_xid, change_position) > (" + start.xid() + ", " + start.position()
				+ ") order by change_xid, change_position limit 1)" + only + " order by change_xid, change_position";
		List<ChangePosition> positions = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				positions.add(new ChangePosition(rows.getLong(1), rows.getLong(2)));
			}
		}
		return positions;
	}

	private static boolean positionsOutOfOrder(List<ChangePosition> inFeedOrder) {
		for (int i = 1; i < inFeedOrder.size(); i++) {
			if (inFeedOrder.get(i).position() < inFeedOrder.get(i - 1).position()) {
				return true;
			}
		}
		return false;
	}

	/** The backends of the gateways' listening connections on the test database. */
	private static List<Integer> listenerPids() throws SQLException {
		List<Integer> pids = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select pid from pg_stat_activity where datname = current_database()"
							+ " and application_name = 'gateway change listener'")) {
			while (rows.next()) {
				pids.add(rows.getInt(1));
			}
		}
		return pids;
	}

	private static List<Integer> rangeClosed(int from, int to) {
		return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
	}

	private static long query(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

	/**
	 * A connection of the test's own, outside both instances' pools (as another system
	 * writes).
	 */
	private static Connection connect() throws SQLException {
		TestDatabase database = TestDatabase.get();
		return DriverManager.getConnection(database.url(), database.username(), database.password());
	}

}
