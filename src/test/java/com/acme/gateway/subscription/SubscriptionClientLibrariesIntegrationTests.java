package com.acme.gateway.subscription;

import static com.acme.gateway.subscription.SubscriptionClients.CHANGES;
import static com.acme.gateway.subscription.SubscriptionClients.execute;
import static com.acme.gateway.subscription.SubscriptionClients.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.sequencestatechange.SequenceStateChangeFeed;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.NodePackages;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code sequenceStateChanges} through the client libraries frontends use:
 * {@code graphql-ws} over WebSocket and {@code graphql-sse} over Server-Sent Events, both
 * in one Node process ({@code src/test/resources/subscriptions/clients.mjs}). Each sees a
 * pause made through the API and an UPDATE made with plain SQL, and resumes with
 * {@code after} to get exactly what it missed. Skipped only when {@code node} is not
 * installed; the npm packages are installed from the lock file when missing, as
 * {@code .ci/run} does.
 */
class SubscriptionClientLibrariesIntegrationTests extends IntegrationTest {

	private static final Path CLIENTS_DIRECTORY = Path.of("src/test/resources/subscriptions");

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private SequenceStateChangeFeed feed;

	private Process clients;

	private Writer commands;

	private final Map<String, BlockingQueue<JsonNode>> received = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();

	@AfterEach
	void stopClients() throws InterruptedException {
		if (this.clients != null) {
			this.clients.destroy();
			this.clients.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void graphqlWsAndGraphqlSseSeeApiAndSqlChangesAndResumeAfterTheirCursor() throws Exception {
		Assumptions.assumeTrue(NodePackages.nodeInstalled(),
				"node is not installed: the client-library test needs Node 20+");
		NodePackages.installIfMissing(CLIENTS_DIRECTORY);
		Fixtures.World world = this.fixtures.world();
		long stateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
		Map<String, Object> filter = Map.of("id", Map.of("eq", Long.toString(stateId)));
		startClients(TestTokens.forUser(this.adminId, "sequenceStates.read"));
		// Subscriptions of earlier tests end asynchronously; count from none.
		waitUntil(this.feed::subscriberCount, 0);
		int before = this.feed.subscriberCount();
		open("ws", "ws", filter, null);
		open("sse", "sse", filter, null);
		waitUntil(this.feed::subscriberCount, before + 2);
		assertThat(this.feed.subscriberCount()).as("both subscribed").isEqualTo(before + 2);

		this.graphQlTester.document("mutation ($id: ID!) { pauseSequenceState(id: $id, reason: \"holiday\") { id } }")
			.variable("id", stateId)
			.executeAndVerify();
		execute(this.dataSource, "update sequence_state set reply_count = 5 where id = " + stateId);

		Map<String, String> pauseCursors = new HashMap<>();
		for (String transport : List.of("ws", "sse")) {
			JsonNode pause = nextChangeOtherThanCreated(transport);
			assertThat(pause.path("kind").asString()).isEqualTo("UPDATED");
			assertThat(pause.path("transition").path("to").asString()).isEqualTo("PAUSED");
			assertThat(pause.path("state").path("pauseReason").asString()).isEqualTo("holiday");
			JsonNode update = nextChange(transport);
			assertThat(update.path("state").path("replyCount").asInt()).isEqualTo(5);
			assertThat(update.path("transition").isNull()).isTrue();
			pauseCursors.put(transport, pause.path("cursor").asString());
			close(transport);
		}
		waitUntil(this.feed::subscriberCount, before);
		execute(this.dataSource, "update sequence_state set reply_count = 6 where id = " + stateId);

		for (String transport : List.of("ws", "sse")) {
			open(transport + "-resumed", transport, filter, pauseCursors.get(transport));
		}
		for (String transport : List.of("ws", "sse")) {
			String name = transport + "-resumed";
			assertThat(nextChange(name).path("state").path("replyCount").asInt()).isEqualTo(5);
			assertThat(nextChange(name).path("state").path("replyCount").asInt()).isEqualTo(6);
		}
		execute(this.dataSource, "update sequence_state set reply_count = 7 where id = " + stateId);
		for (String transport : List.of("ws", "sse")) {
			assertThat(nextChange(transport + "-resumed").path("state").path("replyCount").asInt()).isEqualTo(7);
		}
	}

	private void startClients(String token) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("node", "clients.mjs").directory(CLIENTS_DIRECTORY.toFile())
			.redirectErrorStream(true);
		builder.environment().put("GATEWAY_URL", "http://127.0.0.1:" + this.port + "/graphql");
		builder.environment().put("TOKEN", token);
		this.clients = builder.start();
		this.commands = new java.io.OutputStreamWriter(this.clients.getOutputStream(), StandardCharsets.UTF_8);
		BlockingQueue<JsonNode> ready = received("ready");
		Thread reader = new Thread(this::readOutput, "subscription-clients-output");
		reader.setDaemon(true);
		reader.start();
		assertThat(ready.poll(60, TimeUnit.SECONDS)).as("clients.mjs started:%n%s", String.join("\n", this.output))
			.isNotNull();
	}

	private void readOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.clients.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				this.output.add(line);
				if (line.startsWith("{")) {
					JsonNode message = json.readTree(line);
					received(message.has("ready") ? "ready" : message.path("name").asString()).add(message);
				}
			}
		}
		catch (IOException ex) {
			this.output.add("output ended: " + ex);
		}
	}

	private void open(String name, String transport, Map<String, Object> filter, String after) throws IOException {
		Map<String, Object> variables = new HashMap<>();
		variables.put("filter", filter);
		variables.put("after", after);
		send(Map.of("open", name, "transport", transport, "query", CHANGES, "variables", variables));
	}

	private void close(String name) throws IOException {
		send(Map.of("close", name));
	}

	private void send(Map<String, Object> command) throws IOException {
		this.commands.write(json.writeValueAsString(command) + "\n");
		this.commands.flush();
	}

	private JsonNode nextChangeOtherThanCreated(String name) throws InterruptedException {
		JsonNode change = nextChange(name);
		return "CREATED".equals(change.path("kind").asString()) ? nextChangeOtherThanCreated(name) : change;
	}

	/**
	 * The next change the named subscription received; fails on an error, an end or a
	 * wait over 30 s.
	 */
	private JsonNode nextChange(String name) throws InterruptedException {
		JsonNode message = received(name).poll(30, TimeUnit.SECONDS);
		assertThat(message)
			.as("a change for %s within 30 s; the clients said:%n%s", name, String.join("\n", this.output))
			.isNotNull();
		assertThat(message.has("next")).as("%s", message).isTrue();
		assertThat(message.path("next").has("errors")).as("%s", message).isFalse();
		return message.path("next").path("data").path("sequenceStateChanges");
	}

	private BlockingQueue<JsonNode> received(String name) {
		return this.received.computeIfAbsent(name, key -> new LinkedBlockingQueue<>());
	}

}
