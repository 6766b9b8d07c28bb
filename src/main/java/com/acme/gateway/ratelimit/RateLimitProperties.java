package com.acme.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.rate-limit.*}: each user's hourly budget of query-cost points, shared by
 * every instance on the same database.
 *
 * @param enabled whether requests are charged at all; off, answers carry no rate-limit
 * headers
 * @param pointsPerHour the budget of each user's hourly window, which opens with the
 * user's first request and is refilled whole when it ends (see {@link UserBudgets}). The
 * default, 200,000, is the resource's own 10,000 requests per user per hour at 20 points
 * each: a state by id with its prospect and sequence costs 3, a page of 10 states with
 * two links 31; and it is ten times {@code gateway.limits.max-cost}, so the costliest
 * admitted query fits too
 * @param failOpen what to do when the budget cannot be read (the database is
 * unreachable): false (the default) answers {@code UNAVAILABLE} and runs nothing; true
 * lets the request through uncharged and logs a warning for each
 * @param localPoints how many points one instance may charge a user between two
 * synchronizations with the shared store: the store is then asked once per this many
 * points rather than once per request. Across {@code n} instances a user can overshoot
 * the budget by at most {@code n × localPoints}. 0 asks the store on every request
 * @param localTime the longest an instance goes on charging a user without asking the
 * store: how stale {@code remaining} can be about the other instances' charges, and how
 * long requests are still admitted once the store has become unreachable
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("200000") long pointsPerHour,
		@DefaultValue("false") boolean failOpen, @DefaultValue("1000") long localPoints,
		@DefaultValue("1s") Duration localTime) {

	public RateLimitProperties {
		if (pointsPerHour < 1) {
			throw new IllegalArgumentException("gateway.rate-limit.points-per-hour must be at least 1");
		}
		if (localPoints < 0) {
			throw new IllegalArgumentException("gateway.rate-limit.local-points must be 0 or more");
		}
		if (localTime.isNegative() || localTime.isZero()) {
			throw new IllegalArgumentException("gateway.rate-limit.local-time must be positive");
		}
	}

	/** Whether charges are settled locally between synchronizations. */
	boolean chargesLocally() {
		return this.localPoints > 0;
	}

}
