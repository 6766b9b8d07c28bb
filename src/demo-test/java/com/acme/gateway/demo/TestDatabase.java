package com.acme.gateway.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import liquibase.integration.spring.SpringLiquibase;

/**
 * A freshly created PostgreSQL database with the gateway's Liquibase changelog applied,
 * dropped again on {@link #close()}: the demo loader needs an empty schema of its own. It is
 * created on the server (and with the credentials) that {@link com.acme.gateway.support.TestDatabase}
 * chose for this run, so both honour {@code TEST_DATABASE_URL}, its user and password, and the
 * Testcontainers fallback alike.
 */
final class TestDatabase implements AutoCloseable {

	private final String adminUrl;
	private final String name;
	private final String url;
	private final Properties credentials;

	private TestDatabase(String adminUrl, String name, String url, Properties credentials) {
		this.adminUrl = adminUrl;
		this.name = name;
		this.url = url;
		this.credentials = credentials;
	}

	static TestDatabase createWithSchema() throws Exception {
		com.acme.gateway.support.TestDatabase server = com.acme.gateway.support.TestDatabase.get();
		// Any database of the server can create another; the run's own database serves.
		String adminUrl = server.url();
		String name = "demo_test_" + UUID.randomUUID().toString().replace("-", "");
		String url = com.acme.gateway.support.TestDatabase.withDatabase(adminUrl, name);
		Properties credentials = new Properties();
		credentials.setProperty("user", server.username());
		credentials.setProperty("password", server.password());
		TestDatabase database = new TestDatabase(adminUrl, name, url, credentials);
		try (Connection admin = database.connect(adminUrl)) {
			DSL.using(admin, SQLDialect.POSTGRES).createDatabase(name).execute();
		}
		try {
			database.applyChangelog();
		} catch (Exception e) {
			database.close();
			throw e;
		}
		return database;
	}

	Connection connect() throws SQLException {
		return connect(url);
	}

	String url() {
		return this.url;
	}

	String username() {
		return this.credentials.getProperty("user");
	}

	String password() {
		return this.credentials.getProperty("password");
	}

	/** The same changelog the application runs at start-up, through the same Spring integration. */
	private void applyChangelog() throws Exception {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, credentials);
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(dataSource);
		liquibase.setChangeLog("classpath:db/changelog.yaml");
		liquibase.setResourceLoader(new DefaultResourceLoader());
		liquibase.afterPropertiesSet();
	}

	@Override
	public void close() throws SQLException {
		try (Connection admin = connect(adminUrl)) {
			// "with (force)" ends connections a failed test may have leaked; jOOQ cannot render it.
			DSL.using(admin, SQLDialect.POSTGRES).execute("drop database if exists {0} with (force)", DSL.name(name));
		}
	}

	private Connection connect(String jdbcUrl) throws SQLException {
		return DriverManager.getConnection(jdbcUrl, this.credentials);
	}
}
