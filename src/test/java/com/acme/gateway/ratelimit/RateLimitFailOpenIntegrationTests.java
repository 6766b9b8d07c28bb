package com.acme.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code gateway.rate-limit.fail-open=true}, an unreadable budget lets the request
 * through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "gateway.rate-limit.fail-open=true")
@AutoConfigureWebTestClient
@AutoConfigureHttpGraphQlTester
class RateLimitFailOpenIntegrationTests extends RateLimitStoreOutage {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		databaseBehindProxy(registry);
	}

	@Test
	void runsTheRequestUnchargedWhenTheStoreIsUnreachable() {
		var response = typename();

		response.path("__typename").entity(String.class).isEqualTo("Query");
		assertThat(response.returnResponse().getExtensions()).doesNotContainKey("rateLimit");
	}

}
