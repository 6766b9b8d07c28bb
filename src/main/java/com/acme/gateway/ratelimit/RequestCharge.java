package com.acme.gateway.ratelimit;

import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.ErrorCode;
import com.acme.gateway.limits.CostCharge;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's charge against its user's budget. Called by the limits with the
 * operation's cost before anything runs ({@link CostCharge}); a request that never got
 * that far (refused by parsing, validation or a limit) is charged 1 point by
 * {@link #chargeIfNotYet()} instead, so that probing costs something too, but no more
 * than that.
 * <p>
 * Over the budget, or with the store unreachable and {@code fail-open} off, it throws
 * graphql-java's {@link AbortExecutionException} carrying the one error to answer with:
 * graphql-java then returns that error and runs no field, hence no SQL.
 */
final class RequestCharge implements CostCharge {

	private static final Logger logger = LoggerFactory.getLogger(RequestCharge.class);

	private final UserBudgets budgets;

	private final long userId;

	private final boolean failOpen;

	private boolean attempted;

	private RateLimitState state;

	RequestCharge(UserBudgets budgets, long userId, boolean failOpen) {
		this.budgets = budgets;
		this.userId = userId;
		this.failOpen = failOpen;
	}

	@Override
	public void charge(int cost) {
		this.attempted = true;
		try {
			this.state = this.budgets.charge(this.userId, cost);
		}
		catch (RuntimeException ex) {
			if (this.failOpen) {
				logger.warn("Rate limit store unreachable; letting the request of user {} through uncharged "
						+ "(gateway.rate-limit.fail-open=true): {}", this.userId, ex.toString());
				return;
			}
			logger.warn("Rate limit store unreachable; refusing the request of user {}: {}", this.userId,
					ex.toString());
			throw new AbortExecutionException(List.of(unavailable()));
		}
		if (this.state.refused()) {
			throw new AbortExecutionException(List.of(rateLimited(this.state)));
		}
	}

	/**
	 * Charges the 1 point of a request that was refused before execution. A store failure
	 * here changes nothing: the request has its own error already, and nothing ran.
	 * @return whether that point was over the budget
	 */
	boolean chargeIfNotYet() {
		if (this.attempted) {
			return false;
		}
		this.attempted = true;
		try {
			this.state = this.budgets.charge(this.userId, 1);
			return this.state.refused();
		}
		catch (RuntimeException ex) {
			logger.warn("Rate limit store unreachable while charging a refused request of user {}: {}", this.userId,
					ex.toString());
			return false;
		}
	}

	/**
	 * The state after this request's charge; null when none was made or the store failed.
	 */
	RateLimitState state() {
		return this.state;
	}

	static GraphQLError rateLimited(RateLimitState state) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorCode.RATE_LIMITED)
			.message("The rate limit of " + state.limit() + " points per hour is used up: this request needs "
					+ state.cost() + " and " + state.remaining() + " are left; retry in "
					+ RateLimitState.seconds(state.retryAfter()) + " s (Retry-After).")
			.extensions(Map.of("code", ErrorCode.RATE_LIMITED.name()))
			.build();
	}

	private static GraphQLError unavailable() {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorCode.UNAVAILABLE)
			.message("The database is unavailable right now, so the rate limit cannot be checked; retry the "
					+ "request shortly.")
			.extensions(Map.of("code", ErrorCode.UNAVAILABLE.name()))
			.build();
	}

}
