package com.acme.gateway.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Wiring shared by every capability's schema file. */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

	/** The SDL declares {@code scalar DateTime}; this supplies its coercion. */
	@Bean
	RuntimeWiringConfigurer dateTimeScalar() {
		return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

}
