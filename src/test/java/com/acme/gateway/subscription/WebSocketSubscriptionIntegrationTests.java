package com.acme.gateway.subscription;

import static com.acme.gateway.subscription.SubscriptionClients.CHANGES;
import static com.acme.gateway.subscription.SubscriptionClients.execute;
import static com.acme.gateway.subscription.SubscriptionClients.subscribe;
import static com.acme.gateway.subscription.SubscriptionClients.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.acme.gateway.sequencestate.SequenceStateStatus;
import com.acme.gateway.sequencestatechange.SequenceStateChangeFeed;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.IntegrationTest;
import com.acme.gateway.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;

/**
 * {@code sequenceStateChanges} over WebSocket ({@code graphql-transport-ws}) with
 * Spring's own client: events of the API and of plain SQL, the token in
 * {@code connection_init}, the scope, the end at the token's expiry (on both transports),
 * and the operation limits.
 */
class WebSocketSubscriptionIntegrationTests extends IntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private SequenceStateChangeFeed feed;

	private final List<WebSocketGraphQlClient> clients = new ArrayList<>();

	private long stateId;

	@BeforeEach
	void state() throws InterruptedException {
		// Subscriptions of earlier tests end asynchronously; the waits below count from
		// none.
		waitUntil(this.feed::subscriberCount, 0);
		Fixtures.World world = this.fixtures.world();
		this.stateId = this.fixtures.state(this.fixtures.prospect(world.account(), "Ada", "L", "ada@example.com"),
				world.sequence(), state -> state.setState(SequenceStateStatus.ACTIVE));
	}

	@AfterEach
	void stopClients() {
		this.clients.forEach(client -> client.stop().block(Duration.ofSeconds(5)));
	}

	@Test
	void seesPauseThroughApiAndUpdateWithPlainSql() throws Exception {
		WebSocketGraphQlClient client = client("Bearer " + TestTokens.forUser(this.adminId, "sequenceStates.read"));
		SubscriptionClients.Received received = subscribeToState(client);

		this.graphQlTester.document("mutation ($id: ID!) { pauseSequenceState(id: $id, reason: \"holiday\") { id } }")
			.variable("id", this.stateId)
			.executeAndVerify();
		execute(this.dataSource, "update sequence_state set reply_count = 5 where id = " + this.stateId);

		Map<String, Object> pause = received.nextChangeOtherThanCreated();
		assertThat(pause).containsEntry("kind", "UPDATED");
		assertThat(pause.get("transition")).isEqualTo(Map.of("from", "ACTIVE", "to", "PAUSED", "reason", "holiday"));
		Map<String, Object> update = received.next().field("sequenceStateChanges").toEntity(Map.class);
		assertThat(update.get("state")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("replyCount", 5)
			.containsEntry("state", "PAUSED");
		assertThat(update.get("transition")).isNull();
	}

	@Test
	void queriesRunOverTheConnectionToo() {
		WebSocketGraphQlClient client = client("Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL));

		ClientGraphQlResponse response = client.document("query ($id: ID!) { sequenceState(id: $id) { state } }")
			.variable("id", this.stateId)
			.execute()
			.block(Duration.ofSeconds(10));

		assertThat(response.field("sequenceState.state").toEntity(String.class)).isEqualTo("ACTIVE");
	}

	@Test
	void connectionWithoutTokenIsClosedAsUnauthorized() {
		assertClosedAsUnauthorized(client(null));
	}

	@Test
	void connectionWithForgedOrMalformedTokenIsClosedAsUnauthorized() {
		String forged = TestTokens.sign("another-secret-0123456789-0123456789-abc", this.adminId, TestTokens.ALL,
				Instant.now().plus(Duration.ofMinutes(5)));
		assertClosedAsUnauthorized(client("Bearer " + forged));
		assertClosedAsUnauthorized(client("Bearer not a token"));
		assertClosedAsUnauthorized(client(TestTokens.forUser(this.adminId, TestTokens.ALL)));
	}

	@Test
	void connectionWithExpiredTokenIsClosedAsUnauthorized() {
		String expired = TestTokens.sign(TestTokens.SECRET, this.adminId, TestTokens.ALL,
				Instant.now().minus(Duration.ofMinutes(5)));
		assertClosedAsUnauthorized(client("Bearer " + expired));
	}

	@Test
	void subscriptionWithoutReadScopeIsForbiddenAndTheConnectionStaysUsable() throws Exception {
		WebSocketGraphQlClient client = client("Bearer " + TestTokens.forUser(this.adminId, "sequenceStates.write"));

		SubscriptionClients.Received refused = subscribe(client, CHANGES, Map.of());

		assertThat(codes(refused.end())).containsExactly("FORBIDDEN");
		assertThat(refused.responses()).isEmpty();
		assertThat(leases()).isZero();
		ClientGraphQlResponse mutation = client
			.document("mutation ($id: ID!) { pauseSequenceState(id: $id) { state } }")
			.variable("id", this.stateId)
			.execute()
			.block(Duration.ofSeconds(10));
		assertThat(mutation.field("pauseSequenceState.state").toEntity(String.class)).isEqualTo("PAUSED");
	}

	@Test
	void subscriptionEndsWithUnauthenticatedWhenTheTokenExpires() throws Exception {
		String shortLived = TestTokens.sign(TestTokens.SECRET, this.adminId, TestTokens.ALL,
				Instant.now().plus(Duration.ofSeconds(2)));
		WebSocketGraphQlClient client = client("Bearer " + shortLived);
		SubscriptionClients.Received received = subscribeToState(client);
		execute(this.dataSource, "update sequence_state set reply_count = 1 where id = " + this.stateId);
		assertThat(received.nextChangeOtherThanCreated()).containsEntry("kind", "UPDATED");

		Object end = received.end();

		assertThat(codes(end)).containsExactly("UNAUTHENTICATED");
		waitUntil(this::leases, 0);
		assertThat(leases()).as("the lease is given back").isZero();
	}

	@Test
	void documentOverTheOperationLimitsIsRefusedBeforeItSubscribes() throws Exception {
		StringBuilder aliases = new StringBuilder();
		for (int i = 0; i < 31; i++) {
			aliases.append(" a").append(i).append(": id");
		}
		WebSocketGraphQlClient client = client("Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL));
		int before = this.feed.subscriberCount();

		SubscriptionClients.Received refused = subscribe(client,
				"subscription { sequenceStateChanges {" + aliases + " } }", Map.of());

		ClientGraphQlResponse response = refused.next();
		assertThat(response.getErrors()).extracting(error -> error.getExtensions().get("code"))
			.containsExactly("LIMIT_EXCEEDED");
		assertThat(refused.end()).isEqualTo("complete");
		assertThat(this.feed.subscriberCount()).isEqualTo(before);
	}

	@Test
	void sseDocumentOverTheOperationLimitsIsRefusedBeforeItSubscribes() throws Exception {
		StringBuilder aliases = new StringBuilder();
		for (int i = 0; i < 31; i++) {
			aliases.append(" a").append(i).append(": id");
		}

		List<String> events = ServerSentEvents.read(this.port,
				"Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL),
				"subscription { sequenceStateChanges {" + aliases + " } }", Map.of(), 10);

		assertThat(events).hasSize(2).last().isEqualTo("complete");
		assertThat(events.get(0)).contains("\"LIMIT_EXCEEDED\"");
	}

	/**
	 * The security chain lets a WebSocket handshake through without a token; a GET that
	 * only pretends to be one (no key, no version) must not reach the GET route and run a
	 * query.
	 */
	@Test
	void upgradeHeaderWithoutHandshakeRunsNoQuery() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
					+ "Connection: Upgrade\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.setSoTimeout(10_000);
			InputStream in = socket.getInputStream();
			String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);

			assertThat(head).startsWith("HTTP/1.1 4");
		}
	}

	@Test
	void sseSubscriptionEndsWithUnauthenticatedWhenTheTokenExpires() throws Exception {
		String shortLived = TestTokens.sign(TestTokens.SECRET, this.adminId, TestTokens.ALL,
				Instant.now().plus(Duration.ofSeconds(2)));

		List<String> events = ServerSentEvents.read(this.port, "Bearer " + shortLived, CHANGES, Map.of(), 50);

		assertThat(events).last().isEqualTo("complete");
		String error = events.get(events.size() - 2);
		assertThat(error).contains("\"UNAUTHENTICATED\"").doesNotContain("\"data\"");
	}

	@Test
	void sseSubscriptionWithoutReadScopeIsForbidden() throws Exception {
		List<String> events = ServerSentEvents.read(this.port,
				"Bearer " + TestTokens.forUser(this.adminId, "sequenceStates.write"), CHANGES, Map.of(), 50);

		assertThat(events).hasSize(2).last().isEqualTo("complete");
		assertThat(events.get(0)).contains("\"FORBIDDEN\"");
	}

	private SubscriptionClients.Received subscribeToState(WebSocketGraphQlClient client) throws InterruptedException {
		int before = this.feed.subscriberCount();
		SubscriptionClients.Received received = subscribe(client, CHANGES,
				Map.of("filter", Map.of("id", Map.of("eq", Long.toString(this.stateId)))));
		waitUntil(this.feed::subscriberCount, before + 1);
		assertThat(this.feed.subscriberCount()).as("subscribed").isEqualTo(before + 1);
		return received;
	}

	private WebSocketGraphQlClient client(String authorization) {
		WebSocketGraphQlClient client = SubscriptionClients.client(this.port, authorization);
		this.clients.add(client);
		return client;
	}

	private static void assertClosedAsUnauthorized(WebSocketGraphQlClient client) {
		// Spring's client reports a close during the handshake as an
		// IllegalStateException naming the status.
		assertThatThrownBy(() -> client.start().block(Duration.ofSeconds(10)))
			.hasMessageContaining("CloseStatus[code=4401, reason=Unauthorized]");
	}

	private static List<Object> codes(Object end) {
		assertThat(end).isInstanceOf(SubscriptionErrorException.class);
		return ((SubscriptionErrorException) end).getErrors()
			.stream()
			.map(ResponseError::getExtensions)
			.map(extensions -> extensions.get("code"))
			.toList();
	}

	private int leases() {
		return SubscriptionClients.count(this.dataSource, "select count(*) from subscription_lease");
	}

}
