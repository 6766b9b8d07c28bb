package com.acme.gateway.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import liquibase.integration.spring.SpringLiquibase;

/**
 * A freshly created PostgreSQL database with the gateway's Liquibase changelog applied,
 * dropped again on {@link #close()}. Uses the real server at 127.0.0.1:5432 (user postgres)
 * or the maintenance database given by {@code TEST_DATABASE_URL}.
 */
final class TestDatabase implements AutoCloseable {

	private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

	private final String adminUrl;
	private final String name;
	private final String url;

	private TestDatabase(String adminUrl, String name, String url) {
		this.adminUrl = adminUrl;
		this.name = name;
		this.url = url;
	}

	static TestDatabase createWithSchema() throws Exception {
		String adminUrl = System.getenv().getOrDefault("TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
		Matcher matcher = URL.matcher(adminUrl);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("TEST_DATABASE_URL must look like jdbc:postgresql://host:port/db, got " + adminUrl);
		}
		String name = "demo_test_" + UUID.randomUUID().toString().replace("-", "");
		String url = matcher.group(1) + name + (matcher.group(3) == null ? "" : matcher.group(3));
		try (Connection admin = connect(adminUrl)) {
			DSL.using(admin, SQLDialect.POSTGRES).createDatabase(name).execute();
		}
		TestDatabase database = new TestDatabase(adminUrl, name, url);
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

	/** The same changelog the application runs at start-up, through the same Spring integration. */
	private void applyChangelog() throws Exception {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, properties());
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

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, properties());
	}

	/** User postgres unless the URL names another (URL parameters win over these). */
	private static Properties properties() {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		return properties;
	}
}
