package com.acme.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertySource;

/**
 * By default a budget that cannot be read lets nothing through: {@code UNAVAILABLE}, no
 * data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureHttpGraphQlTester
class RateLimitFailClosedIntegrationTests extends RateLimitStoreOutage {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		databaseBehindProxy(registry);
	}

	@Test
	void answersUnavailableAndRunsNothingWhenTheStoreIsUnreachable() {
		GraphQlTester.Response response = typename();

		response.errors()
			.expect(error -> "UNAVAILABLE".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("the rate limit cannot be checked"))
			.verify();
		assertThat(response.returnResponse().getErrors()).hasSize(1);
		assertThat(response.returnResponse().isValid()).as("data present").isFalse();
	}

}
