package com.acme.gateway.ratelimit;

import static com.acme.gateway.database.generated.Tables.RATE_LIMIT_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestDatabase;
import com.acme.gateway.support.TestTokens;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Every answer reports the user's budget, every request is charged its cost, a request
 * over the budget is refused with 429 and runs nothing, and the budget lives in
 * PostgreSQL, where a second instance (here: a second Bucket4j manager on its own
 * connections) draws from the same one.
 */
class RateLimitIntegrationTests extends IntegrationTest {

	private static final long BUDGET = 200_000;

	// 1 for the state, 1 each for its prospect and sequence.
	private static final String STATE_BY_ID = "{ sequenceState(id: \"1\") { id prospect { id } sequence { id } } }";

	@Autowired
	private UserBudgets budgets;

	@Autowired
	private RateLimitProperties properties;

	@Autowired
	private DSLContext dsl;

	@Test
	void reportsTheBudgetInExtensionsAndHeaders() {
		EntityExchangeResult<Map> result = post(STATE_BY_ID);

		Map<String, Object> rateLimit = rateLimit(result);
		assertThat(rateLimit).containsEntry("limit", (int) BUDGET)
			.containsEntry("cost", 3)
			.containsEntry("remaining", (int) BUDGET - 3);
		Instant resetAt = Instant.parse((String) rateLimit.get("resetAt"));
		// The user's hourly window opened with this request.
		assertThat(resetAt).isBetween(Instant.now().plusSeconds(3590), Instant.now().plusSeconds(3601));
		assertThat(result.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo(String.valueOf(BUDGET));
		assertThat(result.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo(String.valueOf(BUDGET - 3));
		assertThat(Long.parseLong(result.getResponseHeaders().getFirst("RateLimit-Reset"))).isBetween(3590L, 3600L);
		assertThat(result.getResponseHeaders().getFirst("Retry-After")).isNull();
	}

	@Test
	void chargesEachRequestItsComputedCost() {
		post(STATE_BY_ID);
		// 1 + 10 × (1 edge + 1 node + 1 prospect) = 31
		EntityExchangeResult<Map> page = post("{ sequenceStates(first: 10) { edges { node { prospect { id } } } } }");

		assertThat(rateLimit(page)).containsEntry("cost", 31);
		assertThat(rateLimit(page)).containsEntry("remaining", (int) BUDGET - 34);
	}

	@Test
	void chargesIntrospectionOnePoint() {
		assertThat(rateLimit(post("{ __typename }"))).containsEntry("cost", 1);
	}

	@Test
	void chargesOnePointForADocumentThatFailsValidation() {
		EntityExchangeResult<Map> result = post("{ sequenceState(id: \"1\") { noSuchField } }");

		assertThat(codes(result)).containsExactly("BAD_USER_INPUT");
		assertThat(rateLimit(result)).containsEntry("cost", 1);
	}

	@Test
	void chargesOnePointForAQueryOverTheCostLimit() {
		EntityExchangeResult<Map> result = post(
				"{ sequenceStates(first: 1000) { edges { node { mailings { id } } } } }");

		assertThat(codes(result)).containsExactly("LIMIT_EXCEEDED");
		assertThat(rateLimit(result)).containsEntry("cost", 1);
	}

	@Test
	void refusesARequestOverTheBudgetWith429AndRunsNothing() {
		this.budgets.charge(this.adminId, BUDGET - 2);
		this.statements.reset();

		EntityExchangeResult<Map> result = postExpecting(STATE_BY_ID, HttpStatus.TOO_MANY_REQUESTS);

		assertThat(codes(result)).containsExactly("RATE_LIMITED");
		assertThat(result.getResponseBody().get("data")).isNull();
		assertThat(this.statements.count()).as("statements besides the bucket's").isZero();
		assertThat(rateLimit(result)).containsEntry("cost", 3).containsEntry("remaining", 2);
		// The budget comes back when the user's hourly window ends.
		assertThat(Long.parseLong(result.getResponseHeaders().getFirst("Retry-After"))).isBetween(3590L, 3600L);
		assertThat(result.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("2");
	}

	@Test
	void aRefusedRequestOverTheBudgetIsRateLimitedToo() {
		this.budgets.charge(this.adminId, BUDGET);

		EntityExchangeResult<Map> result = postExpecting("{ sequenceState(id: \"1\") { noSuchField } }",
				HttpStatus.TOO_MANY_REQUESTS);

		assertThat(codes(result)).containsExactly("RATE_LIMITED");
	}

	@Test
	void usersHaveBudgetsOfTheirOwn() {
		this.budgets.charge(this.adminId, BUDGET);
		long rep = this.fixtures.user("rate-limit-rep@example.com", "rep");

		assertThat(this.graphQlTester(rep, TestTokens.ALL).document(STATE_BY_ID).execute().returnResponse().getErrors())
			.isEmpty();
	}

	/**
	 * What another gateway instance on the same database does: Bucket4j's manager over
	 * connections of its own, with nothing in memory, so it also shows that the budget
	 * outlives an instance. Each instance learns of the other's charges when it next
	 * synchronizes with the store.
	 */
	@Test
	void anotherInstanceDrawsFromTheSameBudget() throws InterruptedException {
		UserBudgets otherInstance = instance(BUDGET, 1_000);

		post(STATE_BY_ID);
		RateLimitState seenByOther = otherInstance.charge(this.adminId, 1_000);
		Thread.sleep(this.properties.localTime().plusMillis(100).toMillis());
		EntityExchangeResult<Map> after = post(STATE_BY_ID);

		assertThat(seenByOther.remaining()).isEqualTo(BUDGET - 1_003);
		assertThat(rateLimit(after)).containsEntry("remaining", (int) BUDGET - 1_006);
		assertThat(this.dsl.fetchCount(RATE_LIMIT_BUCKET, RATE_LIMIT_BUCKET.ID.eq(this.adminId))).isOne();
	}

	/**
	 * The first charge of a user asks the store; the ones after it are settled locally,
	 * then sent.
	 */
	@Test
	void pointsChargedLocallyReachTheStoreWhenTheUserGoesQuiet() throws InterruptedException {
		post(STATE_BY_ID);
		post(STATE_BY_ID);

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (storedRemaining(this.adminId) != BUDGET - 6 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(storedRemaining(this.adminId)).isEqualTo(BUDGET - 6);
	}

	/**
	 * A stopping instance sends what it charged locally, so a restart forgets no points.
	 */
	@Test
	void aStoppingInstanceSendsWhatItChargedLocally() {
		UserBudgets stopping = instance(BUDGET, 1_000);
		stopping.charge(this.adminId, 10);
		stopping.charge(this.adminId, 20);
		assertThat(storedRemaining(this.adminId)).isEqualTo(BUDGET - 10);

		stopping.close();

		assertThat(storedRemaining(this.adminId)).isEqualTo(BUDGET - 30);
	}

	/**
	 * Two instances charging one user as fast as they can: together they admit the whole
	 * budget, and overshoot it by no more than what each may charge between two
	 * synchronizations.
	 */
	@Test
	void instancesChargingLocallyOvershootByAtMostTheirLocalPoints() {
		long budget = 5_000;
		long localPoints = 100;
		List<UserBudgets> instances = List.of(instance(budget, localPoints), instance(budget, localPoints));

		long admitted = 0;
		boolean[] refused = new boolean[instances.size()];
		while (!(refused[0] && refused[1])) {
			for (int i = 0; i < instances.size(); i++) {
				if (!refused[i]) {
					if (instances.get(i).charge(this.adminId, 1).refused()) {
						refused[i] = true;
					}
					else {
						admitted++;
					}
				}
			}
		}

		assertThat(admitted).isBetween(budget, budget + 2 * localPoints);
	}

	/**
	 * Another instance charging from its own connections, {@code localPoints} between
	 * synchronizations.
	 */
	private UserBudgets instance(long pointsPerHour, long localPoints) {
		RateLimitProperties properties = new RateLimitProperties(true, pointsPerHour, false, localPoints,
				this.properties.localTime());
		return new UserBudgets(
				Bucket4jPostgreSQL.selectForUpdateBasedBuilder(otherDataSource()).table("rate_limit_bucket").build(),
				properties, Clock.systemUTC());
	}

	/** The budget left in the store itself, read without charging. */
	private static long storedRemaining(long userId) {
		ProxyManager<Long> store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(otherDataSource())
			.table("rate_limit_bucket")
			.build();
		return store.getProxyConfiguration(userId)
			.map(configuration -> store.builder().build(userId, () -> configuration).getAvailableTokens())
			.orElse(-1L);
	}

	/**
	 * A new user's first requests arrive together (a client opening with a burst):
	 * Bucket4j's batching sends them as one command, which failed as a whole with "bucket
	 * does not exist" while the user's row was still missing, and each request was
	 * refused as UNAVAILABLE. Every charge must succeed, and exactly once. Several users,
	 * since the charges must meet in one batch.
	 */
	@Test
	void aNewUsersFirstConcurrentChargesAreAllMadeOnce() throws Exception {
		int clients = 16;
		ExecutorService executor = Executors.newFixedThreadPool(clients);
		try {
			for (long user = 900_001; user <= 900_010; user++) {
				long userId = user;
				CyclicBarrier start = new CyclicBarrier(clients);
				List<Future<RateLimitState>> charges = new ArrayList<>();
				for (int client = 0; client < clients; client++) {
					charges.add(executor.submit(() -> {
						start.await();
						return this.budgets.charge(userId, 1);
					}));
				}
				for (Future<RateLimitState> charge : charges) {
					assertThat(charge.get().refused()).isFalse();
				}
				assertThat(this.budgets.charge(userId, 1).remaining()).as("user %d", userId)
					.isEqualTo(BUDGET - clients - 1);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static PGSimpleDataSource otherDataSource() {
		TestDatabase database = TestDatabase.get();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(database.url());
		dataSource.setUser(database.username());
		dataSource.setPassword(database.password());
		return dataSource;
	}

	private EntityExchangeResult<Map> post(String document) {
		return postExpecting(document, HttpStatus.OK);
	}

	private EntityExchangeResult<Map> postExpecting(String document, HttpStatus status) {
		return this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> headers.setBearerAuth(TestTokens.forUser(this.adminId, TestTokens.ALL)))
			.bodyValue(Map.of("query", document))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(Map.class)
			.returnResult();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> rateLimit(EntityExchangeResult<Map> result) {
		Map<String, Object> extensions = (Map<String, Object>) result.getResponseBody().get("extensions");
		assertThat(extensions).as("extensions of %s", result.getResponseBody()).containsKey("rateLimit");
		return (Map<String, Object>) extensions.get("rateLimit");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> codes(EntityExchangeResult<Map> result) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) result.getResponseBody().get("errors");
		assertThat(errors).as("errors of %s", result.getResponseBody()).isNotNull();
		return errors.stream().map(error -> ((Map<String, Object>) error.get("extensions")).get("code")).toList();
	}

}
