package com.acme.gateway.support;

import org.jooq.impl.DefaultExecuteListenerProvider;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans every integration test shares: the statement counter and the fixtures. */
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

}
