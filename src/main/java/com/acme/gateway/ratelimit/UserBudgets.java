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
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every user's hourly budget, kept by Bucket4j in PostgreSQL (the
 * {@code rate_limit_bucket} table), so that all instances on one database draw from the
 * same bucket per user and a restart forgets nothing. Bucket4j does the token arithmetic
 * and the locking: one charge is one transaction on a pooled connection that locks the
 * user's row ({@code select … for update}), writes the new state and commits, so two
 * instances charging the same user at once are serialized by PostgreSQL and neither loses
 * the other's points.
 * <p>
 * Within one instance, the charges of one user that arrive while a charge of theirs is in
 * flight are sent together as one transaction (Bucket4j's batching optimization, which
 * stays exact: it merges the commands, it does not guess): a busy user's requests would
 * otherwise queue on their row's lock one transaction at a time.
 * <p>
 * Asking the store on every request would cost a transaction of three round trips per
 * request, a large share of a by-id query. So, unless
 * {@code gateway.rate-limit.local-points} is 0, each instance settles a user's charges
 * against its own copy of the bucket and synchronizes with the store (one transaction
 * adding what it charged and reading what the others did) every {@code local-points}
 * points or {@code local-time}, whichever comes first: Bucket4j's delaying optimization,
 * which also batches. The price is bounded and documented: across {@code n} instances a
 * user can overshoot by {@code n × local-points}, {@code remaining} can be
 * {@code local-time} behind the other instances' charges, and with the store unreachable
 * requests are admitted until the next synchronization is due. The first request of a
 * user on an instance always asks the store. Points charged locally reach the store
 * within about two {@code local-time}s even when the user goes quiet
 * ({@link #settleLocalCharges()}), and when the instance stops ({@link #close()}), so a
 * restart loses nothing.
 * <p>
 * The optimization lives in the bucket's proxy, so proxies are kept per user (a proxy
 * holds the key, the copy of the bucket and the points not yet synchronized).
 * <p>
 * The budget is an hourly window per user, as GitHub's GraphQL API has it (the names
 * {@code limit cost remaining resetAt} are its): the window opens with the user's first
 * request, and the whole budget comes back at once an hour later ({@code resetAt}),
 * rather than trickling back, which would make {@code remaining} and {@code Retry-After}
 * move under the client's feet.
 * <p>
 * Trap: a charge larger than the whole budget could never succeed, however long the
 * client waited, so it is charged as the whole budget instead
 * ({@code gateway.rate-limit.points-per-hour} should stay above
 * {@code gateway.limits.max-cost}).
 */
public class UserBudgets implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(UserBudgets.class);

	private final long pointsPerHour;

	private final Duration localTime;

	private final LoadingCache<Long, BucketProxy> proxies;

	private final ProxyManager<Long> buckets;

	private final Supplier<BucketConfiguration> configuration;

	private final Clock clock;

	public UserBudgets(ProxyManager<Long> buckets, RateLimitProperties properties, Clock clock) {
		this.pointsPerHour = properties.pointsPerHour();
		this.localTime = properties.localTime();
		BucketConfiguration hourly = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(this.pointsPerHour)
				.refillIntervally(this.pointsPerHour, Duration.ofHours(1)))
			.build();
		Supplier<BucketConfiguration> configuration = () -> hourly;
		Optimization optimization = properties.chargesLocally()
				? Optimizations.delaying(new DelayParameters(properties.localPoints(), properties.localTime()))
				: Optimizations.batching();
		this.proxies = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(Duration.ofMinutes(10))
			// A proxy dropped from the cache must not take its unsynchronized points with
			// it.
			.<Long, BucketProxy>removalListener((userId, proxy, cause) -> {
				if (cause.wasEvicted()) {
					synchronize(userId, proxy);
				}
			})
			.build(userId -> buckets.builder().withOptimization(optimization).build(userId, configuration));
		this.buckets = buckets;
		this.configuration = configuration;
		this.clock = clock;
	}

	/**
	 * Takes {@code points} (at least 1) from the user's budget, or nothing when fewer are
	 * left.
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
			// Bucket4j's batching cannot create a bucket: a batch of several charges that
			// finds the
			// user's row missing (a new user's first burst of concurrent requests, or
			// every user after
			// a PostgreSQL crash emptied the unlogged table) fails as a whole, every
			// charge in it with
			// BucketNotFoundException, and none of them was made. One charge without
			// batching creates
			// the row (Bucket4j's create-and-execute), and the later batches find it.
			probe = this.buckets.builder().build(userId, this.configuration).tryConsumeAndReturnRemaining(charged);
			// That charge went around the user's proxy, whose local copy must learn of
			// it.
			synchronize(userId, this.proxies.get(userId));
		}
		Duration untilReset = Duration.ofNanos(probe.getNanosToWaitForReset());
		Instant resetAt = this.clock.instant().plus(untilReset).plusNanos(999_999_999).truncatedTo(ChronoUnit.SECONDS);
		Duration retryAfter = probe.isConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
		return new RateLimitState(this.pointsPerHour, charged, probe.getRemainingTokens(), untilReset, resetAt,
				retryAfter);
	}

	private static boolean isBucketMissing(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = (cause.getCause() == cause) ? null
				: cause.getCause()) {
			if (cause instanceof BucketNotFoundException) {
				return true;
			}
		}
		return false;
	}

	public long pointsPerHour() {
		return this.pointsPerHour;
	}

	/**
	 * Sends the store the points charged locally to users who have gone quiet, so that
	 * other instances see them within about two {@code local-time}s rather than at the
	 * user's next request. Busy users synchronize on their own; for them this finds
	 * nothing to do.
	 */
	@Scheduled(fixedDelayString = "${gateway.rate-limit.local-time:1s}")
	public void settleLocalCharges() {
		this.proxies.asMap().forEach((userId, proxy) -> {
			try {
				proxy.getOptimizationController().syncByCondition(1, this.localTime);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not synchronize the rate-limit budget of user {} with the store: {}", userId,
						ex.toString());
			}
		});
	}

	/**
	 * Forgets every local copy of a bucket, with the points not yet synchronized: for a
	 * store that was emptied behind this instance's back (the tests truncate it between
	 * tests).
	 */
	public void evictAll() {
		this.proxies.invalidateAll();
	}

	/**
	 * Sends every point charged locally to the store: a stopping instance keeps no budget
	 * of its own.
	 */
	@Override
	public void close() {
		this.proxies.asMap().forEach(this::synchronize);
	}

	private void synchronize(Long userId, BucketProxy proxy) {
		if (proxy == null) {
			return;
		}
		try {
			proxy.getOptimizationController().syncImmediately();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not synchronize the rate-limit budget of user {} with the store: {}", userId,
					ex.toString());
		}
	}

}
