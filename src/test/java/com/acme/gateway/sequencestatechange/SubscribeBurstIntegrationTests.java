package com.acme.gateway.sequencestatechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.acme.gateway.subscription.SubscriptionLeases;
import com.acme.gateway.support.Fixtures;
import com.acme.gateway.support.TestTokens;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * A burst of subscribes, as after a deploy when every client reconnects at once, on an
 * instance with a small pool and a short wait for a connection: every subscription is
 * opened (its lease waits its turn in memory), none is refused with {@code UNAVAILABLE}
 * because the pool was busy with other leases.
 */
class SubscribeBurstIntegrationTests {

	private static final int SUBSCRIBES = 300;

	@Test
	void everySubscribeOfABurstIsOpenedOnASmallPool() throws Exception {
		try (GatewayInstance instance = GatewayInstance.start("--spring.datasource.hikari.maximum-pool-size=3",
				"--spring.datasource.hikari.connection-timeout=250",
				"--gateway.subscriptions.max-per-user=" + SUBSCRIBES)) {
			Fixtures fixtures = new Fixtures(instance.bean(DSLContext.class));
			fixtures.deleteAll();
			String token = TestTokens.forUser(fixtures.user("burst@example.com", "admin"), TestTokens.ALL);
			HttpClient client = HttpClient.newHttpClient();
			List<CompletableFuture<HttpResponse<Stream<String>>>> responses = new ArrayList<>();
			try {
				for (int i = 0; i < SUBSCRIBES; i++) {
					responses.add(client.sendAsync(SseSubscription.request(instance.port(), token,
							Map.of("replyCount", Map.of("gte", i)), null), HttpResponse.BodyHandlers.ofLines()));
				}
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
				while (instance.feed().subscriberCount() < SUBSCRIBES && System.nanoTime() < deadline) {
					Thread.sleep(50);
				}

				assertThat(instance.feed().subscriberCount()).as("subscriptions receiving the live changes")
					.isEqualTo(SUBSCRIBES);
				assertThat(instance.bean(SubscriptionLeases.class).heldCount()).as("leases held").isEqualTo(SUBSCRIBES);
			}
			finally {
				responses.forEach(response -> response.thenAccept(lines -> lines.body().close()));
			}
		}
	}

}
