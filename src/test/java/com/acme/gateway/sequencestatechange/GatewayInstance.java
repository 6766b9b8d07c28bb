package com.acme.gateway.sequencestatechange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.acme.gateway.GatewayApplication;
import com.acme.gateway.support.TestDatabase;
import com.acme.gateway.support.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole gateway in an application context of its own, on a random port and on the test
 * database, deployed as production deploys a second instance: nothing shared with the
 * other instances but the database and the secrets (tokens and cursors).
 */
final class GatewayInstance implements AutoCloseable {

	/** The same on every instance, so a cursor of one is accepted by the others. */
	private static final String CURSOR_SECRET = "subscription-tests-cursor-secret-0123456789";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient client = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private final int port;

	private GatewayInstance(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	static GatewayInstance start() {
		return start(new String[0]);
	}

	/**
	 * An instance with {@code settings} ({@code --name=value}) on top of the defaults.
	 */
	static GatewayInstance start(String... settings) {
		TestDatabase database = TestDatabase.get();
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--gateway.security.jwt-secret=" + TestTokens.SECRET, "--gateway.cursor.secret=" + CURSOR_SECRET,
				// A test's instances go when it ends: no graceful wait for the streams it
				// left open.
				"--server.shutdown=immediate"));
		arguments.addAll(List.of(settings));
		return new GatewayInstance(
				new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new)));
	}

	int port() {
		return this.port;
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	SequenceStateChangeFeed feed() {
		return bean(SequenceStateChangeFeed.class);
	}

	/** Subscribes to {@code sequenceStateChanges} over SSE on this instance. */
	SseSubscription subscribe(String token, Map<String, Object> filter, String after) throws InterruptedException {
		return SseSubscription.open(this.port, feed(), token, filter, after);
	}

	/** POSTs a query or mutation to this instance and returns the whole answer. */
	JsonNode execute(String token, String document, Map<String, Object> variables) throws Exception {
		String body = json.writeValueAsString(Map.of("query", document, "variables", variables));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return json.readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
