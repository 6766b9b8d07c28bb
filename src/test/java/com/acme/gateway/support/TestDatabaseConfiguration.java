package com.acme.gateway.support;

import com.acme.gateway.completion.DirectCompletionStrategy;
import org.jooq.impl.DefaultExecuteListenerProvider;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Beans every integration test shares: the statement counter, the fixtures, the
 * completion switch.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	StatementCounter statementCounter() {
		return new StatementCounter();
	}

	/** Spring Boot adds every ExecuteListenerProvider bean to jOOQ's configuration. */
	@Bean
	DefaultExecuteListenerProvider statementCounterProvider(StatementCounter counter) {
		return new DefaultExecuteListenerProvider(counter);
	}

	@Bean
	Fixtures fixtures(org.jooq.DSLContext dsl) {
		return new Fixtures(dsl);
	}

	/**
	 * A request with the header {@value #STANDARD_COMPLETION_HEADER} is completed by
	 * graphql-java alone, so a test can compare both completion paths on the same rows
	 * (test-only: production has no such switch per request).
	 */
	@Bean
	WebGraphQlInterceptor standardCompletionHeader() {
		return (request, chain) -> {
			if (request.getHeaders().containsHeader(STANDARD_COMPLETION_HEADER)) {
				request.configureExecutionInput((input, builder) -> builder
					.graphQLContext(context -> context.put(DirectCompletionStrategy.STANDARD_COMPLETION, true))
					.build());
			}
			return chain.next(request);
		};
	}

	public static final String STANDARD_COMPLETION_HEADER = "X-Test-Standard-Completion";

}
