package com.acme.gateway.graphql;

import static com.acme.gateway.database.generated.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.acme.gateway.support.TcpProxy;
import com.acme.gateway.support.TestTokens;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database that goes away gives {@code UNAVAILABLE} (not a stack trace, not a hang),
 * and the gateway serves again by itself once the database is back. The gateway reaches
 * PostgreSQL through a proxy that the test cuts and restores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureHttpGraphQlTester
class DatabaseOutageIntegrationTests {

	private static TcpProxy proxy;

	@Autowired
	private HttpGraphQlTester anonymousGraphQlTester;

	@Autowired
	private DSLContext dsl;

	private HttpGraphQlTester graphQlTester;

	/**
	 * A user of its own, since other tests empty the tables; its role is cached by the
	 * first request.
	 */
	@BeforeEach
	void signIn() {
		long user = this.dsl.insertInto(APP_USER)
			.set(APP_USER.EMAIL, "outage-" + System.nanoTime() + "@example.com")
			.set(APP_USER.ROLE, "rep")
			.returning(APP_USER.ID)
			.fetchSingle(APP_USER.ID);
		String token = TestTokens.forUser(user, TestTokens.ALL);
		this.graphQlTester = this.anonymousGraphQlTester.mutate()
			.headers(headers -> headers.setBearerAuth(token))
			.build();
	}

	@DynamicPropertySource
	static void databaseBehindProxy(DynamicPropertyRegistry registry) {
		proxy = TcpProxy.inFrontOfTestDatabase(registry);
	}

	@AfterAll
	static void closeProxy() {
		proxy.close();
	}

	@Test
	void answersUnavailableWhileDatabaseIsDownAndRecoversWhenItIsBack() {
		countStates().path("sequenceStates.totalCount").hasValue();

		proxy.cut();
		countStates().errors()
			.expect(error -> "UNAVAILABLE".equals(error.getExtensions().get("code"))
					&& error.getMessage().startsWith("The database is unavailable"))
			.verify();

		proxy.start();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		boolean recovered = false;
		while (!recovered && Instant.now().isBefore(deadline)) {
			recovered = countStates().returnResponse().getErrors().isEmpty();
		}
		assertThat(recovered).as("gateway answers again after the database came back").isTrue();
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response countStates() {
		return this.graphQlTester.document("{ sequenceStates(first: 1) { totalCount } }").execute();
	}

}
