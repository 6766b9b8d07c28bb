package com.acme.gateway.support;

import com.acme.gateway.ratelimit.UserBudgets;
import com.acme.gateway.security.UserDirectory;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the end-to-end tests: the whole gateway on a random port, talking HTTP, on the
 * real PostgreSQL of {@link TestDatabase}. All subclasses share one application context;
 * every test starts from empty tables and builds the rows it needs with {@link Fixtures}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Not the default 5 s: on a machine shared with other builds a plain request has taken
// longer,
// and no test here asserts on time.
@AutoConfigureWebTestClient(timeout = "PT60S")
@AutoConfigureHttpGraphQlTester
@Import(TestDatabaseConfiguration.class)
public abstract class IntegrationTest {

	/**
	 * Sends an admin's token with every scope; {@link #graphQlTester(long, String)} for
	 * others.
	 */
	protected HttpGraphQlTester graphQlTester;

	/** The admin whose token {@link #graphQlTester} sends. */
	protected long adminId;

	@Autowired
	private HttpGraphQlTester anonymousGraphQlTester;

	@Autowired
	private UserDirectory users;

	@Autowired
	protected WebTestClient webTestClient;

	@Autowired
	private ObjectProvider<UserBudgets> budgets;

	@Autowired
	protected Fixtures fixtures;

	@Autowired
	protected StatementCounter statements;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabase.get();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("gateway.security.jwt-secret", () -> TestTokens.SECRET);
	}

	@BeforeEach
	void startFromEmptyTables() {
		this.fixtures.deleteAll();
		// Ids restart with every test, so a cached user of the previous test could be
		// someone else now.
		this.users.evictAll();
		// The rate-limit table was emptied too: local copies of its buckets would
		// remember spent points.
		this.budgets.ifAvailable(UserBudgets::evictAll);
		this.adminId = this.fixtures.user("gateway-tests-admin@example.com", "admin");
		// Cached before counting: tests count the statements of what they request, not of
		// the login.
		this.users.find(this.adminId);
		this.graphQlTester = graphQlTester(this.adminId, TestTokens.ALL);
		this.statements.reset();
	}

	/**
	 * POSTs {@code body} (JSON text, or an object to encode as JSON) to {@code /graphql}
	 * with the admin's token, for tests of the HTTP exchange itself rather than of the
	 * GraphQL answer.
	 */
	protected WebTestClient.ResponseSpec postAsAdmin(Object body) {
		return this.webTestClient.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> headers.setBearerAuth(TestTokens.forUser(this.adminId, TestTokens.ALL)))
			.bodyValue(body)
			.exchange();
	}

	/**
	 * A tester that sends a token for {@code userId} granting {@code scopes}
	 * (space-separated).
	 */
	protected HttpGraphQlTester graphQlTester(long userId, String scopes) {
		String token = TestTokens.forUser(userId, scopes);
		return this.anonymousGraphQlTester.mutate().headers(headers -> headers.setBearerAuth(token)).build();
	}

}
