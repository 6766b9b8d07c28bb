package com.acme.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

/**
 * Every user's hourly budget, kept by Bucket4j in PostgreSQL (the {@code rate_limit_bucket}
 * table), so that all instances on one database draw from the same bucket per user and a restart
 * forgets nothing. Bucket4j does the token arithmetic and the locking: one charge is one
 * transaction on a pooled connection that locks the user's row ({@code select … for update}),
 * writes the new state and commits, so two instances charging the same user at once are
 * serialized by PostgreSQL and neither loses the other's points.
 * <p>
 * Within one instance, the charges of one user that arrive while a charge of theirs is in flight
 * are sent together as one transaction (Bucket4j's batching optimization, which stays exact: it
 * merges the commands, it does not guess): a busy user's requests would otherwise queue on their
 * row's lock one transaction at a time. Batching lives in the bucket's proxy, so proxies are kept
 * per user (a proxy holds no budget, only the key and the batch being sent).
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

	private final long pointsPerHour;

	private final LoadingCache<Long, BucketProxy> proxies;

	private final ProxyManager<Long> buckets;

	private final Supplier<BucketConfiguration> configuration;

	private final Clock clock;

	public UserBudgets(ProxyManager<Long> buckets, long pointsPerHour, Clock clock) {
		this.pointsPerHour = pointsPerHour;
		BucketConfiguration hourly = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(pointsPerHour).refillIntervally(pointsPerHour, Duration.ofHours(1)))
			.build();
		Supplier<BucketConfiguration> configuration = () -> hourly;
		this.proxies = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(Duration.ofMinutes(10))
			.build(userId -> buckets.builder().withOptimization(Optimizations.batching()).build(userId, configuration));
		this.buckets = buckets;
		this.configuration = configuration;
		this.clock = clock;
	}

	/**
	 * Takes {@code points} (at least 1) from the user's budget, or nothing when fewer are left.
	 * @throws RuntimeException Bucket4j's, when the store cannot be reached or fails
	 */
	public RateLimitState charge(long userId, long points) {
		long charged = Math.min(Math.max(1, points), this.pointsPerHour);
		ConsumptionProbe probe;
		try {
			probe = this.proxies.get(userId).tryConsumeAndReturnRemaining(charged);
		}
		catch (RuntimeException ex) {
			if (!isBucketMissing(ex)) {
				throw ex;
			}
			// Bucket4j's batching cannot create a bucket: a batch of several charges that finds the
			// user's row missing (a new user's first burst of concurrent requests, or every user after
			// a PostgreSQL crash emptied the unlogged table) fails as a whole, every charge in it with
			// BucketNotFoundException, and none of them was made. One charge without batching creates
			// the row (Bucket4j's create-and-execute), and the later batches find it.
			probe = this.buckets.builder().build(userId, this.configuration).tryConsumeAndReturnRemaining(charged);
		}
		Duration untilReset = Duration.ofNanos(probe.getNanosToWaitForReset());
		Instant resetAt = this.clock.instant().plus(untilReset).plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS);
		Duration retryAfter = probe.isConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
		return new RateLimitState(this.pointsPerHour, charged, probe.getRemainingTokens(), untilReset, resetAt,
				retryAfter);
	}

	private static boolean isBucketMissing(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof BucketNotFoundException) {
				return true;
			}
		}
		return false;
	}

	public long pointsPerHour() {
		return this.pointsPerHour;
	}

}
