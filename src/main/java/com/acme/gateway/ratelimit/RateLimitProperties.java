package com.acme.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.rate-limit.*}: each user's hourly budget of query-cost points, shared by every
 * instance on the same database.
 *
 * @param enabled whether requests are charged at all; off, answers carry no rate-limit headers
 * @param pointsPerHour the budget of each user's hourly window, which opens with the user's first
 * request and is refilled whole when it ends (see {@link UserBudgets}). The
 * default, 200,000, is the resource's own 10,000 requests per user per hour at 20 points each: a
 * state by id with its prospect and sequence costs 3, a page of 10 states with two links 31; and it
 * is ten times {@code gateway.limits.max-cost}, so the costliest admitted query fits too
 * @param failOpen what to do when the budget cannot be read (the database is unreachable): false
 * (the default) answers {@code UNAVAILABLE} and runs nothing; true lets the request through
 * uncharged and logs a warning for each
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("200000") long pointsPerHour,
		@DefaultValue("false") boolean failOpen) {

	public RateLimitProperties {
		if (pointsPerHour < 1) {
			throw new IllegalArgumentException("gateway.rate-limit.points-per-hour must be at least 1");
		}
	}

}
