package com.acme.gateway.demo;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loads demo data once the application has started, i.e. after Liquibase has created the
 * schema (Liquibase runs while the context refreshes, runners after it). Does nothing if
 * sequence_state already has rows, so restarting with the same option is quick.
 *
 * <p>
 * Trap: with {@code exit-after-load} this ends the JVM, with exit code 0 after a load or
 * a skip; a failed load fails start-up (non-zero) like any other runner exception.
 */
public class DemoDataRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

	private final DemoDataProperties properties;

	private final DataSource dataSource;

	private final ConfigurableApplicationContext context;

	public DemoDataRunner(DemoDataProperties properties, DataSource dataSource,
			ConfigurableApplicationContext context) {
		if (properties.states() == null) {
			throw new IllegalArgumentException("gateway.demo-data.states must be set to load demo data");
		}
		this.properties = properties;
		this.dataSource = dataSource;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			new DemoDataGenerator(properties.states()).loadIfEmpty(connection);
		}
		if (properties.exitAfterLoad()) {
			log.info("demo data: gateway.demo-data.exit-after-load is set, stopping");
			System.exit(SpringApplication.exit(context, () -> 0));
		}
	}

}
