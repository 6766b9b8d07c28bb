package com.acme.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Every user's hourly budget, kept by Bucket4j in PostgreSQL (the {@code rate_limit_bucket}
 * table), so that all instances on one database draw from the same bucket per user and a restart
 * forgets nothing. Bucket4j does the token arithmetic and the locking: one charge is one
 * transaction on a pooled connection that locks the user's row ({@code select … for update}),
 * writes the new state and commits, so two instances charging the same user at once are
 * serialized by PostgreSQL and neither loses the other's points.
 * <p>
 * The budget is an hourly window per user, as GitHub's GraphQL API has it (the names
 * {@code limit cost remaining resetAt} are its): the window opens with the user's first request,
 * and the whole budget comes back at once an hour later ({@code resetAt}), rather than trickling
 * back, which would make {@code remaining} and {@code Retry-After} move under the client's feet.
 * <p>
 * Trap: a charge larger than the whole budget could never succeed, however long the client
 * waited, so it is charged as the whole budget instead ({@code gateway.rate-limit.points-per-hour}
 * should stay above {@code gateway.limits.max-cost}).
 */
public class UserBudgets {

	private final ProxyManager<Long> buckets;

	private final long pointsPerHour;

	private final Supplier<BucketConfiguration> configuration;

	private final Clock clock;

	public UserBudgets(ProxyManager<Long> buckets, long pointsPerHour, Clock clock) {
		this.buckets = buckets;
		this.pointsPerHour = pointsPerHour;
		BucketConfiguration hourly = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(pointsPerHour).refillIntervally(pointsPerHour, Duration.ofHours(1)))
			.build();
		this.configuration = () -> hourly;
		this.clock = clock;
	}

	/**
	 * Takes {@code points} (at least 1) from the user's budget, or nothing when fewer are left.
	 * @throws RuntimeException Bucket4j's, when the store cannot be reached or fails
	 */
	public RateLimitState charge(long userId, long points) {
		long charged = Math.min(Math.max(1, points), this.pointsPerHour);
		ConsumptionProbe probe = this.buckets.getProxy(userId, this.configuration).tryConsumeAndReturnRemaining(charged);
		Duration untilReset = Duration.ofNanos(probe.getNanosToWaitForReset());
		Instant resetAt = this.clock.instant().plus(untilReset).plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS);
		Duration retryAfter = probe.isConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
		return new RateLimitState(this.pointsPerHour, charged, probe.getRemainingTokens(), untilReset, resetAt,
				retryAfter);
	}

	public long pointsPerHour() {
		return this.pointsPerHour;
	}

}
