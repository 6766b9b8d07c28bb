package com.acme.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A user's budget after one charge: what {@code extensions.rateLimit} and the
 * {@code RateLimit-*} headers report.
 *
 * @param limit the budget, points per hour
 * @param cost the points this request was charged (or would have been, when refused)
 * @param remaining the points left after the charge
 * @param untilReset how long until the budget is full again if nothing more is spent
 * @param resetAt the same as a time
 * @param retryAfter when refused, how long until the request's points are back; null when
 * charged
 */
public record RateLimitState(long limit, long cost, long remaining, Duration untilReset, Instant resetAt,
		@Nullable Duration retryAfter) {

	public boolean refused() {
		return this.retryAfter != null;
	}

	/**
	 * {@code extensions.rateLimit}: {@code resetAt} as a DateTime, in UTC to the second.
	 */
	Map<String, Object> toExtension() {
		Map<String, Object> extension = new LinkedHashMap<>();
		extension.put("limit", this.limit);
		extension.put("cost", this.cost);
		extension.put("remaining", this.remaining);
		extension.put("resetAt", this.resetAt.toString());
		return extension;
	}

	/**
	 * Whole seconds, rounded up, as {@code RateLimit-Reset} and {@code Retry-After} count
	 * them.
	 */
	static long seconds(Duration duration) {
		return (duration.toNanos() + 999_999_999L) / 1_000_000_000L;
	}

}
