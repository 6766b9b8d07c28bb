package com.acme.gateway.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL every data test of this JVM runs against, created once per test run.
 *
 * <ul>
 * <li>{@code TEST_DATABASE_URL} set (a JDBC URL of any database on the server, with
 * {@code TEST_DATABASE_USER}/{@code TEST_DATABASE_PASSWORD}, default
 * {@code postgres}/empty): a fresh database is created on that server and dropped when
 * the JVM exits.</li>
 * <li>otherwise, a Docker engine configured: a Testcontainers PostgreSQL 15.</li>
 * <li>otherwise: as the first case, on the local server at 127.0.0.1:5432.</li>
 * </ul>
 * Asking Testcontainers whether Docker answers costs about a second, so it is only asked
 * when a Docker endpoint is configured at all.
 */
public final class TestDatabase {

	private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static TestDatabase instance;

	private final String url;

	private final String username;

	private final String password;

	private TestDatabase(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/** Host and port of the server, for tests that put a proxy in front of it. */
	public java.net.URI serverAddress() {
		return java.net.URI.create(this.url.substring("jdbc:".length()));
	}

	private static TestDatabase start() {
		String server = System.getenv("TEST_DATABASE_URL");
		if (server == null && dockerEndpointConfigured() && DockerClientFactory.instance().isDockerAvailable()) {
			return fromContainer();
		}
		String username = envOr("TEST_DATABASE_USER", "postgres");
		String password = envOr("TEST_DATABASE_PASSWORD", "");
		return createDatabaseOn((server != null) ? server : LOCAL_SERVER, username, password);
	}

	private static TestDatabase fromContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres"));
		return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private static TestDatabase createDatabaseOn(String serverUrl, String username, String password) {
		String name = "gateway_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
				+ ProcessHandle.current().pid();
		execute(serverUrl, username, password, "create database " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(
					() -> execute(serverUrl, username, password, "drop database if exists " + name + " with (force)"),
					"drop-test-database"));
		return new TestDatabase(withDatabase(serverUrl, name), username, password);
	}

	private static void execute(String serverUrl, String username, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the test database on " + serverUrl
					+ " (start PostgreSQL, or set TEST_DATABASE_URL): " + ex.getMessage(), ex);
		}
	}

	/** Replaces the database name of a JDBC URL, keeping host, port and parameters. */
	public static String withDatabase(String jdbcUrl, String database) {
		int query = jdbcUrl.indexOf('?');
		String base = (query >= 0) ? jdbcUrl.substring(0, query) : jdbcUrl;
		String parameters = (query >= 0) ? jdbcUrl.substring(query) : "";
		return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
	}

	private static boolean dockerEndpointConfigured() {
		return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
