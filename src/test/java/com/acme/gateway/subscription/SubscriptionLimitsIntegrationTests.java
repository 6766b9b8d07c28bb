package com.acme.gateway.subscription;

import static com.acme.gateway.subscription.SubscriptionClients.CHANGES;
import static com.acme.gateway.subscription.SubscriptionClients.execute;
import static com.acme.gateway.subscription.SubscriptionClients.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Subscriptions per WebSocket connection and per user (counted over every instance
 * through {@code subscription_lease}), and the WebSocket keep-alive, with limits small
 * enough to reach; spoken message by message to see exactly what the protocol carries.
 */
@TestPropertySource(properties = { "gateway.subscriptions.max-per-connection=2", "gateway.subscriptions.max-per-user=3",
		"spring.graphql.websocket.keep-alive=2s" })
class SubscriptionLimitsIntegrationTests extends IntegrationTest {

	private static final String OTHER_INSTANCE = "00000000-0000-0000-0000-0000000000aa";

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private SequenceStateChangeFeed feed;

	private final List<ProtocolSocket> sockets = new ArrayList<>();

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
	void closeSockets() {
		this.sockets.forEach(ProtocolSocket::close);
	}

	@Test
	void subscriptionOverTheConnectionLimitFailsAloneAndItsPlaceComesBack() throws Exception {
		ProtocolSocket connection = connect(this.adminId);
		subscribeToState(connection, "1");
		subscribeToState(connection, "2");

		connection.subscribe("3", CHANGES, Map.of());

		assertRefused(connection.next("3"), "gateway.subscriptions.max-per-connection");
		execute(this.dataSource, "update sequence_state set reply_count = 2 where id = " + this.stateId);
		assertThat(connection.nextChangeOtherThanCreated("1").path("kind").asString()).isEqualTo("UPDATED");
		assertThat(connection.nextChangeOtherThanCreated("2").path("kind").asString()).isEqualTo("UPDATED");
		assertThat(leases(this.adminId)).isEqualTo(2);

		connection.complete("1");
		waitUntil(() -> leases(this.adminId), 1);
		subscribeToState(connection, "4");
		execute(this.dataSource, "update sequence_state set reply_count = 3 where id = " + this.stateId);
		assertThat(connection.nextChangeOtherThanCreated("4").path("kind").asString()).isEqualTo("UPDATED");
	}

	@Test
	void userLimitCountsEveryConnectionAndOtherInstancesLiveLeasesOnly() throws Exception {
		// Another instance holds one live and one expired lease of this user.
		execute(this.dataSource,
				"insert into subscription_lease values (gen_random_uuid(), " + this.adminId + ", '" + OTHER_INSTANCE
						+ "', now() + interval '1 minute'), (gen_random_uuid(), " + this.adminId + ", '"
						+ OTHER_INSTANCE + "', now() - interval '1 second')");
		long otherUser = this.fixtures.user("other@example.com", "rep");
		ProtocolSocket first = connect(this.adminId);
		subscribeToState(first, "1");
		ProtocolSocket second = connect(this.adminId);
		subscribeToState(second, "1");

		ProtocolSocket third = connect(this.adminId);
		third.subscribe("1", CHANGES, Map.of());
		ProtocolSocket otherUsers = connect(otherUser);
		subscribeToState(otherUsers, "1");

		assertRefused(third.next("1"), "gateway.subscriptions.max-per-user");
		assertThat(leases(this.adminId)).as("the expired lease was removed").isEqualTo(3);
		execute(this.dataSource, "update sequence_state set reply_count = 2 where id = " + this.stateId);
		assertThat(first.nextChangeOtherThanCreated("1").path("kind").asString()).isEqualTo("UPDATED");
		assertThat(second.nextChangeOtherThanCreated("1").path("kind").asString()).isEqualTo("UPDATED");
		assertThat(otherUsers.nextChangeOtherThanCreated("1").path("kind").asString()).isEqualTo("UPDATED");
	}

	@Test
	void sseSubscriptionsCountAgainstTheUserLimit() throws Exception {
		ProtocolSocket connection = connect(this.adminId);
		subscribeToState(connection, "1");
		subscribeToState(connection, "2");
		subscribeToState(connect(this.adminId), "1");

		List<String> events = ServerSentEvents.read(this.port,
				"Bearer " + TestTokens.forUser(this.adminId, TestTokens.ALL), CHANGES, Map.of(), 10);

		assertThat(events).hasSize(2).last().isEqualTo("complete");
		assertThat(events.get(0)).contains("\"LIMIT_EXCEEDED\"", "gateway.subscriptions.max-per-user");
	}

	@Test
	void leasesGoWhenTheConnectionCloses() throws Exception {
		ProtocolSocket connection = connect(this.adminId);
		subscribeToState(connection, "1");
		subscribeToState(connection, "2");
		assertThat(leases(this.adminId)).isEqualTo(2);

		connection.close();

		waitUntil(() -> leases(this.adminId), 0);
		assertThat(leases(this.adminId)).isZero();
	}

	@Test
	void serverPingsAnIdleConnection() throws Exception {
		ProtocolSocket connection = connect(this.adminId);

		assertThat(connection.nextConnectionMessage().path("type").asString()).isEqualTo("ping");
	}

	private void subscribeToState(ProtocolSocket connection, String id) throws Exception {
		int before = this.feed.subscriberCount();
		connection.subscribe(id, CHANGES, Map.of("filter", Map.of("id", Map.of("eq", Long.toString(this.stateId)))));
		waitUntil(this.feed::subscriberCount, before + 1);
		assertThat(this.feed.subscriberCount()).as("subscribed").isEqualTo(before + 1);
	}

	private ProtocolSocket connect(long userId) throws Exception {
		ProtocolSocket socket = new ProtocolSocket(SubscriptionClients.webSocketUri(this.port));
		this.sockets.add(socket);
		return socket.initialised("Bearer " + TestTokens.forUser(userId, TestTokens.ALL));
	}

	private static void assertRefused(JsonNode message, String property) {
		assertThat(message.path("type").asString()).as("%s", message).isEqualTo("error");
		assertThat(message.path("payload")).hasSize(1);
		assertThat(message.path("payload").path(0).path("extensions").path("code").asString())
			.isEqualTo("LIMIT_EXCEEDED");
		assertThat(message.path("payload").path(0).path("message").asString()).contains(property);
	}

	private int leases(long userId) {
		return SubscriptionClients.count(this.dataSource,
				"select count(*) from subscription_lease where user_id = " + userId);
	}

}
