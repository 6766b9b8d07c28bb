package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_CHANGE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_TRANSITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.acme.gateway.security.UserDirectory;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.TcpProxy;
import com.acme.gateway.support.TestDatabaseConfiguration;
import com.acme.gateway.support.TestTokens;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pause and resume mutations from 16 concurrent clients while the database connection is
 * cut, twice, for a few seconds: nothing a client was told is lost, nothing it was
 * refused is done twice, no state disagrees with its history, and the gateway serves
 * again by itself.
 * <p>
 * Each client owns states of its own and alternates pause and resume on them. An answer
 * that is not a success must be {@code UNAVAILABLE} (never {@code INTERNAL}, a 5xx page
 * or a hang); after one, the client sends the same mutation again until it learns the
 * outcome: success (the refused attempts changed nothing) or
 * {@code INVALID_STATE_TRANSITION} (one of them committed and its answer was lost).
 * Either way the attempt ends in exactly one transition, which is what the history, the
 * change log and the rows are checked against afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class SequenceStateWritesUnderDatabaseFaultsIntegrationTests {

	private static final int CLIENTS = 16;

	private static final int STATES_PER_CLIENT = 4;

	/**
	 * Longer than any answer may take (Hikari's connection timeout is 2 s): beyond it, a
	 * hang.
	 */
	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * A bound on each phase, so a gateway that never recovers fails the test instead of
	 * hanging it.
	 */
	private static final Duration PHASE_BOUND = Duration.ofSeconds(90);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static TcpProxy proxy;

	@LocalServerPort
	private int port;

	@Autowired
	private Fixtures fixtures;

	@Autowired
	private DSLContext dsl;

	@Autowired
	private UserDirectory users;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@DynamicPropertySource
	static void databaseBehindProxy(DynamicPropertyRegistry registry) {
		proxy = TcpProxy.inFrontOfTestDatabase(registry);
	}

	@AfterAll
	static void closeProxy() {
		proxy.close();
	}

	@Test
	void losesNothingAndRecoversWhenTheDatabaseIsCutTwiceUnderWriteLoad() throws Exception {
		this.fixtures.deleteAll();
		this.users.evictAll();
		Fixtures.World world = this.fixtures.world();
		List<Long> states = this.fixtures.states(world, CLIENTS * STATES_PER_CLIENT);
		String token = TestTokens.forUser(world.user(), TestTokens.ALL);

		Load load = new Load();
		ExecutorService executor = Executors.newFixedThreadPool(CLIENTS);
		List<Future<List<Attempt>>> clients = new ArrayList<>();
		try {
			for (int client = 0; client < CLIENTS; client++) {
				List<Long> own = states.subList(client * STATES_PER_CLIENT, (client + 1) * STATES_PER_CLIENT);
				clients.add(executor.submit(() -> runClient(own, token, load)));
			}
			awaitSuccesses(load, CLIENTS * 3);
			for (int outage = 1; outage <= 2; outage++) {
				proxy.cut();
				Thread.sleep(3_000);
				proxy.start();
				// Throughput recovers without a restart: mutations succeed again after
				// the proxy is back.
				awaitSuccesses(load, load.successes.get() + CLIENTS * 3);
			}
			load.stopping = true;
			List<List<Attempt>> logs = new ArrayList<>();
			for (Future<List<Attempt>> client : clients) {
				logs.add(client.get(PHASE_BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
			}

			assertThat(load.unexpected).as("answers other than success, UNAVAILABLE or a lost answer's conflict")
				.isEmpty();
			assertThat(load.unavailable.get()).as("mutations refused with UNAVAILABLE during the outages").isPositive();
			for (int client = 0; client < CLIENTS; client++) {
				for (long state : states.subList(client * STATES_PER_CLIENT, (client + 1) * STATES_PER_CLIENT)) {
					assertHistoryMatches(state, logs.get(client));
				}
			}
		}
		finally {
			load.stopping = true;
			executor.shutdownNow();
		}
	}

	/**
	 * The state's history, after its creation, is exactly the outcome of each attempt in
	 * order (one transition each, to the attempt's target); the row's state is the last
	 * transition's; and each transition has its one change-log row, of the same
	 * transaction, showing the same state.
	 */
	private void assertHistoryMatches(long state, List<Attempt> log) {
		List<String> expected = log.stream().filter(attempt -> attempt.state == state).map(Attempt::target).toList();
		List<String> history = this.dsl.select(SEQUENCE_STATE_TRANSITION.TO_STATE)
			.from(SEQUENCE_STATE_TRANSITION)
			.where(SEQUENCE_STATE_TRANSITION.SEQUENCE_STATE_ID.eq(state))
			.and(SEQUENCE_STATE_TRANSITION.FROM_STATE.isNotNull())
			.orderBy(SEQUENCE_STATE_TRANSITION.ID)
			.fetch(row -> row.value1().name().toLowerCase());
		assertThat(history).as("transitions of state %d", state).isEqualTo(expected);

		String current = this.dsl.select(SEQUENCE_STATE.STATE)
			.from(SEQUENCE_STATE)
			.where(SEQUENCE_STATE.ID.eq(state))
			.fetchSingle(row -> row.value1().name().toLowerCase());
		assertThat(current).as("state %d agrees with its last transition", state)
			.isEqualTo(expected.isEmpty() ? "active" : expected.get(expected.size() - 1));

		int updates = this.dsl.fetchCount(SEQUENCE_STATE_CHANGE,
				SEQUENCE_STATE_CHANGE.ID.eq(state).and(SEQUENCE_STATE_CHANGE.CHANGE_KIND.eq("UPDATED")));
		int linked = this.dsl.fetchCount(
				SEQUENCE_STATE_CHANGE.join(SEQUENCE_STATE_TRANSITION)
					.on(SEQUENCE_STATE_TRANSITION.ID.eq(SEQUENCE_STATE_CHANGE.TRANSITION_ID))
					.and(SEQUENCE_STATE_TRANSITION.TO_STATE.eq(SEQUENCE_STATE_CHANGE.STATE)),
				SEQUENCE_STATE_CHANGE.ID.eq(state).and(SEQUENCE_STATE_CHANGE.CHANGE_KIND.eq("UPDATED")));
		assertThat(updates).as("change-log rows of state %d", state).isEqualTo(expected.size());
		assertThat(linked).as("change-log rows of state %d linked to their transition", state)
			.isEqualTo(expected.size());
	}

	/**
	 * One client: pause or resume its states in turn until told to stop, then finishes
	 * the attempt it is in. Returns one entry per attempt whose outcome it learned.
	 */
	private List<Attempt> runClient(List<Long> states, String token, Load load) throws InterruptedException {
		List<Attempt> log = new ArrayList<>();
		Map<Long, Boolean> paused = new java.util.HashMap<>();
		states.forEach(state -> paused.put(state, false));
		int next = 0;
		while (!load.stopping) {
			long state = states.get(next++ % states.size());
			boolean pause = !paused.get(state);
			if (settle(state, pause, token, load)) {
				log.add(new Attempt(state, pause ? "paused" : "active"));
				paused.put(state, pause);
			}
			else {
				return log;
			}
		}
		return log;
	}

	/**
	 * Sends one mutation until its outcome is known; true when it is (one transition
	 * made), false when the test is over without knowing (never after the last outage:
	 * the bound of the phase).
	 */
	private boolean settle(long state, boolean pause, String token, Load load) throws InterruptedException {
		boolean refusedBefore = false;
		Instant bound = null;
		while (true) {
			Answer answer = send(state, pause, token);
			if (answer.succeeded()) {
				load.successes.incrementAndGet();
				return true;
			}
			if ("UNAVAILABLE".equals(answer.code())) {
				load.unavailable.incrementAndGet();
				refusedBefore = true;
			}
			else if (refusedBefore && "INVALID_STATE_TRANSITION".equals(answer.code())) {
				// an earlier attempt committed; its answer was lost with the connection
				return true;
			}
			else {
				load.unexpected.add("state " + state + (pause ? " pause" : " resume") + ": " + answer);
				return false;
			}
			if (load.stopping) {
				bound = (bound != null) ? bound : Instant.now().plus(PHASE_BOUND);
				if (Instant.now().isAfter(bound)) {
					load.unexpected.add("state " + state + ": still UNAVAILABLE after the outages ended");
					return false;
				}
			}
			Thread.sleep(50);
		}
	}

	private Answer send(long state, boolean pause, String token) throws InterruptedException {
		String document = pause
				? "mutation($id: ID!) { pauseSequenceState(id: $id, reason: \"fault test\") { id state } }"
				: "mutation($id: ID!) { resumeSequenceState(id: $id) { id state } }";
		String body = JSON
			.writeValueAsString(Map.of("query", document, "variables", Map.of("id", String.valueOf(state))));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.timeout(ANSWER_TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			return new Answer(0, "no answer: " + ex, null);
		}
		String code = null;
		try {
			JsonNode errors = JSON.readTree(response.body()).path("errors");
			if (errors.isArray() && !errors.isEmpty()) {
				JsonNode first = errors.get(0).path("extensions").path("code");
				code = first.isString() ? first.stringValue() : "no code";
			}
		}
		catch (RuntimeException ex) {
			code = "not JSON";
		}
		return new Answer(response.statusCode(), response.body(), code);
	}

	private static void awaitSuccesses(Load load, int atLeast) throws InterruptedException {
		await(() -> load.successes.get() >= atLeast || !load.unexpected.isEmpty(),
				"at least " + atLeast + " successful mutations");
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		Instant bound = Instant.now().plus(PHASE_BOUND);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waiting for " + what).isBefore(bound);
			Thread.sleep(20);
		}
	}

	/**
	 * What the clients share with the test: counters, surprises, and the signal to stop.
	 */
	private static final class Load {

		final AtomicInteger successes = new AtomicInteger();

		final AtomicInteger unavailable = new AtomicInteger();

		final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

		volatile boolean stopping;

	}

	/** A mutation whose outcome is known: {@code state} went to {@code target}. */
	private record Attempt(long state, String target) {
	}

	private record Answer(int status, String body, String code) {

		boolean succeeded() {
			return this.status == 200 && this.code == null && this.body.contains("\"data\":{\"");
		}

	}

}
