package com.acme.gateway.database;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** jOOQ settings that hold for every statement of the gateway. */
@Configuration(proxyBeanMethods = false)
public class JooqSettingsConfiguration {

	/**
	 * {@code timestamp with time zone} columns read and bound as {@code OffsetDateTime}
	 * through JDBC 4.2 ({@code getObject(i, OffsetDateTime.class)}), which PgJDBC
	 * supports. By default jOOQ reads them as strings (PgJDBC formats its parsed value
	 * back to text) and parses them again: a page of 50 states has 300 timestamps, each
	 * making that round trip (BENCHMARKS.md, "Code shaped by measurements").
	 */
	@Bean
	DefaultConfigurationCustomizer nativeOffsetDateTimes() {
		return configuration -> configuration.settings().setBindOffsetDateTimeType(true);
	}

}
