package com.acme.gateway.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the end-to-end tests: the whole gateway on a random port, talking HTTP, on the real
 * PostgreSQL of {@link TestDatabase}. All subclasses share one application context; every
 * test starts from empty tables and builds the rows it needs with {@link Fixtures}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureHttpGraphQlTester
@Import(TestDatabaseConfiguration.class)
public abstract class IntegrationTest {

	@Autowired
	protected HttpGraphQlTester graphQlTester;

	@Autowired
	protected WebTestClient webTestClient;

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
	}

	@BeforeEach
	void startFromEmptyTables() {
		this.fixtures.deleteAll();
		this.statements.reset();
	}

}
