package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;
import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE_TRANSITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.graphql.GatewayException;
import com.acme.gateway.support.Fixtures.World;
import com.acme.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

/**
 * Many clients acting on the same states at once, against the real database: the outcome
 * must be explained by some serial order of the calls, and every refused call must say
 * why.
 */
class SequenceStateConcurrencyIntegrationTests extends IntegrationTest {

	private static final int THREADS = 16;

	private static final int CALLS_PER_THREAD = 200;

	private static final int STATES = 4;

	@Autowired
	private SequenceStateWriter writer;

	/**
	 * Through the service (a real transaction per call, as the mutations run it) rather
	 * than HTTP: 3,200 HTTP round trips on a shared two-core machine would take most of a
	 * minute and add nothing to what is tested, the transactions and the SQL.
	 */
	@Test
	void historyReplaysToCurrentStateAfterRacingPauseResumeAndFinish() throws Exception {
		World world = this.fixtures.world();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < STATES; i++) {
			long prospect = this.fixtures.prospect(world.account(), "Racing", "No" + i);
			ids.add(this.writer.create(prospect, world.sequence(), world.mailbox(), null, this.adminId).id());
		}
		Map<Long, AtomicInteger> successes = new ConcurrentHashMap<>();
		ids.forEach(id -> successes.put(id, new AtomicInteger()));
		Map<ErrorCode, AtomicInteger> refusals = new ConcurrentHashMap<>();
		long seed = System.nanoTime();
		CyclicBarrier startGate = new CyclicBarrier(THREADS);

		List<Throwable> unexpected = runConcurrently(thread -> () -> {
			Random random = new Random(seed + thread);
			startGate.await(10, TimeUnit.SECONDS);
			for (int call = 0; call < CALLS_PER_THREAD; call++) {
				long id = ids.get(random.nextInt(ids.size()));
				try {
					SequenceState after = randomCall(random, id);
					assertThat(after.id()).isEqualTo(id);
					successes.get(id).incrementAndGet();
				}
				catch (GatewayException refused) {
					refusals.computeIfAbsent(refused.code(), code -> new AtomicInteger()).incrementAndGet();
				}
			}
			return null;
		});

		assertThat(unexpected).as("failures other than refusals (seed %d)", seed).isEmpty();
		assertThat(refusals).as("seed %d", seed).containsOnlyKeys(ErrorCode.INVALID_STATE_TRANSITION);
		int succeeded = successes.values().stream().mapToInt(AtomicInteger::get).sum();
		// Finish is terminal and drawn at random, so how many calls succeed varies from
		// run to run;
		// this only guards against a race that did nothing at all.
		assertThat(succeeded).as("successful calls (seed %d)", seed).isGreaterThan(STATES);
		assertThat(succeeded + refusals.get(ErrorCode.INVALID_STATE_TRANSITION).get())
			.isEqualTo(THREADS * CALLS_PER_THREAD);
		for (long id : ids) {
			assertHistoryReplaysToCurrentState(id, successes.get(id).get(), seed);
		}
	}

	@Test
	void exactlyOneOfSimultaneousCreatesOfSameEnrolmentSucceeds() throws Exception {
		World world = this.fixtures.world();
		long prospect = this.fixtures.prospect(world.account(), "Ada", "Lovelace");
		Map<String, Object> input = Map.of("prospectId", String.valueOf(prospect), "sequenceId",
				String.valueOf(world.sequence()), "mailboxId", String.valueOf(world.mailbox()));
		warmUpCreatePath(world);
		List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Object> codes = new java.util.concurrent.CopyOnWriteArrayList<>();
		CyclicBarrier startGate = new CyclicBarrier(THREADS);

		List<Throwable> unexpected = runConcurrently(thread -> () -> {
			startGate.await(10, TimeUnit.SECONDS);
			var response = this.graphQlTester
				.document("mutation($input: CreateSequenceStateInput!) { createSequenceState(input: $input) { id } }")
				.variable("input", input)
				.execute();
			List<ResponseError> errors = new ArrayList<>();
			response.errors().satisfy(errors::addAll);
			if (errors.isEmpty()) {
				created.add(response.path("createSequenceState.id").entity(String.class).get());
			}
			errors.forEach(error -> codes.add(error.getExtensions().get("code")));
			return null;
		});

		assertThat(unexpected).isEmpty();
		assertThat(created).hasSize(1);
		assertThat(codes).hasSize(THREADS - 1).containsOnly("CONFLICT");
		var raced = SEQUENCE_STATE.PROSPECT_ID.eq(prospect);
		assertThat(this.fixtures.dsl().fetchCount(SEQUENCE_STATE, raced)).isEqualTo(1);
		assertThat(this.fixtures.dsl()
			.fetchCount(SEQUENCE_STATE_TRANSITION,
					SEQUENCE_STATE_TRANSITION.SEQUENCE_STATE_ID.eq(Long.parseLong(created.get(0)))))
			.isEqualTo(1);
	}

	/**
	 * Runs a create and a refused create once, one after the other. The application's
	 * pool waits at most 2 s for a connection (so a client hears UNAVAILABLE rather than
	 * hangs), and sixteen first-ever requests on a cold JVM sharing two cores can take
	 * longer than that to get through: that would test the warm-up, not the race.
	 */
	private void warmUpCreatePath(World world) {
		long prospect = this.fixtures.prospect(world.account(), "Warm", "Up");
		Map<String, Object> input = Map.of("prospectId", String.valueOf(prospect), "sequenceId",
				String.valueOf(world.sequence()), "mailboxId", String.valueOf(world.mailbox()));
		for (int i = 0; i < 2; i++) {
			this.graphQlTester
				.document("mutation($input: CreateSequenceStateInput!) { createSequenceState(input: $input) { id } }")
				.variable("input", input)
				.execute()
				.errors()
				.filter(error -> "CONFLICT".equals(error.getExtensions().get("code")));
		}
	}

	/**
	 * Pause and resume are frequent, finish rare: finishing ends a state's part in the
	 * race, so at one in 400 a state stays in play for about half of its 800 calls.
	 */
	private SequenceState randomCall(Random random, long id) {
		int roll = random.nextInt(400);
		if (roll == 0) {
			return this.writer.finish(id, this.adminId);
		}
		return (roll % 2 == 0) ? this.writer.pause(id, "roll " + roll, this.adminId)
				: this.writer.resume(id, this.adminId);
	}

	private void assertHistoryReplaysToCurrentState(long id, int successfulCalls, long seed) {
		var dsl = this.fixtures.dsl();
		var history = dsl.selectFrom(SEQUENCE_STATE_TRANSITION)
			.where(SEQUENCE_STATE_TRANSITION.SEQUENCE_STATE_ID.eq(id))
			.orderBy(SEQUENCE_STATE_TRANSITION.ID)
			.fetch();
		assertThat(history).as("state %d: the creation plus one row per successful call (seed %d)", id, seed)
			.hasSize(successfulCalls + 1);
		assertThat(history.get(0).getFromState()).isNull();
		SequenceStateStatus replayed = history.get(0).getToState();
		for (var transition : history.subList(1, history.size())) {
			assertThat(transition.getFromState())
				.as("transition %d of state %d (seed %d)", transition.getId(), id, seed)
				.isEqualTo(replayed);
			assertThat(SequenceStateTransitions.isAllowed(action(transition.getToState()), replayed)).isTrue();
			replayed = transition.getToState();
		}
		assertThat(dsl.fetchValue(SEQUENCE_STATE.STATE, SEQUENCE_STATE.ID.eq(id))).as("state %d", id)
			.isEqualTo(replayed);
	}

	private static SequenceStateTransitions.Action action(SequenceStateStatus to) {
		return switch (to) {
			case PAUSED -> SequenceStateTransitions.Action.PAUSE;
			case ACTIVE -> SequenceStateTransitions.Action.RESUME;
			case FINISHED -> SequenceStateTransitions.Action.FINISH;
			default -> throw new AssertionError("no call of this test leads to " + to);
		};
	}

	/**
	 * Runs one task per thread and returns what they threw, other than refusals they
	 * handled.
	 */
	private static List<Throwable> runConcurrently(java.util.function.IntFunction<Callable<Void>> task)
			throws InterruptedException {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Void>> futures = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				futures.add(executor.submit(task.apply(thread)));
			}
			List<Throwable> failures = new ArrayList<>();
			for (Future<Void> future : futures) {
				try {
					future.get(60, TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
					failures.add((ex.getCause() != null) ? ex.getCause() : ex);
				}
			}
			return failures;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
