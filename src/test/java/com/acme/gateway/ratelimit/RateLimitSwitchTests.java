package com.acme.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * {@code gateway.rate-limit.enabled=false} leaves out the whole capability: no charge, no
 * 429.
 */
class RateLimitSwitchTests {

	@Test
	void disabledRateLimitInstallsNothing() {
		new ApplicationContextRunner().withUserConfiguration(RateLimitConfiguration.class)
			.withPropertyValues("gateway.rate-limit.enabled=false")
			.run(context -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(UserBudgets.class)
				.doesNotHaveBean(WebGraphQlInterceptor.class));
	}

}
