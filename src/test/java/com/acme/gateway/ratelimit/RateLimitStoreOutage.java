package com.acme.gateway.ratelimit;

import static com.acme.gateway.database.generated.Tables.APP_USER;

import com.acme.gateway.support.TcpProxy;
import com.acme.gateway.support.TestTokens;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Base of the tests that take the rate limit's store away: the gateway reaches PostgreSQL
 * through a proxy that each test cuts, then waits until the instance must synchronize the
 * user's budget ({@code gateway.rate-limit.local-time}). They send {@code { __typename
 * }}, which needs no data, so that what the answer shows is the rate limit's doing alone.
 */
abstract class RateLimitStoreOutage {

	private static TcpProxy proxy;

	@Autowired
	private HttpGraphQlTester anonymousGraphQlTester;

	@Autowired
	private DSLContext dsl;

	@Autowired
	private RateLimitProperties rateLimit;

	private HttpGraphQlTester graphQlTester;

	static void databaseBehindProxy(DynamicPropertyRegistry registry) {
		proxy = TcpProxy.inFrontOfTestDatabase(registry);
	}

	/**
	 * A user of its own, looked up (and cached) by a first request while the store is
	 * there.
	 */
	@BeforeEach
	void signInThenCutTheStore() {
		long user = this.dsl.insertInto(APP_USER)
			.set(APP_USER.EMAIL, "rate-outage-" + System.nanoTime() + "@example.com")
			.set(APP_USER.ROLE, "rep")
			.returning(APP_USER.ID)
			.fetchSingle(APP_USER.ID);
		String token = TestTokens.forUser(user, TestTokens.ALL);
		this.graphQlTester = this.anonymousGraphQlTester.mutate()
			.headers(headers -> headers.setBearerAuth(token))
			.build();
		typename().path("__typename").entity(String.class).isEqualTo("Query");
		proxy.cut();
		// Until then the instance may go on charging the user locally, without the store.
		waitUntilASynchronizationIsDue();
	}

	private void waitUntilASynchronizationIsDue() {
		try {
			Thread.sleep(this.rateLimit.localTime().plusMillis(100).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@AfterEach
	void restoreTheStore() {
		proxy.start();
	}

	@AfterAll
	static void closeProxy() {
		proxy.close();
	}

	GraphQlTester.Response typename() {
		return this.graphQlTester.document("{ __typename }").execute();
	}

}
