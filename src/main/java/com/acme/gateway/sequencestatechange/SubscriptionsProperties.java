package com.acme.gateway.sequencestatechange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the subscription {@code sequenceStateChanges}
 * ({@code gateway.subscriptions.*}).
 *
 * @param retention how long the change log keeps a change; a cursor older than this is
 * refused
 * @param pollInterval how often the log is read when no notification arrives (the safety
 * net for a lost NOTIFY or a dropped listening connection)
 * @param minPollInterval the least time between two reads of the log: notifications that
 * arrive meanwhile are answered by one read after it, so that under a stream of changes
 * the reads (and the filter statements that go with them) stay bounded per second while a
 * change waits at most this long more; zero reads on every notification
 * @param bufferSize changes batches held for one subscriber before it is dropped as too
 * slow
 * @param batchSize changes read from the log in one statement
 * @param maxPerConnection subscriptions open at once on one WebSocket connection
 * @param maxPerUser subscriptions open at once for one user, over every instance and
 * transport
 * @param leaseDuration how long an instance's claim on one of a user's subscriptions
 * counts without renewal (renewed every third of it); what an instance that died holds is
 * free after it
 * @param leaseConcurrency lease acquisitions and releases run at once on one instance;
 * the others wait their turn in memory, so that a burst of subscribes (a reconnect storm
 * after a deploy) neither fails on the connection pool's wait nor leaves the pool to the
 * leases alone
 */
@ConfigurationProperties("gateway.subscriptions")
public record SubscriptionsProperties(@DefaultValue("7d") Duration retention, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("25ms") Duration minPollInterval, @DefaultValue("256") int bufferSize,
		@DefaultValue("500") int batchSize, @DefaultValue("20") int maxPerConnection,
		@DefaultValue("100") int maxPerUser, @DefaultValue("30s") Duration leaseDuration,
		@DefaultValue("2") int leaseConcurrency) {
}
