package com.acme.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.acme.gateway.limits.CostCharge;
import com.acme.gateway.security.CurrentUser;
import graphql.ExecutionResult;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;

/**
 * Charges every GraphQL request of a signed-in user to that user's budget and reports the
 * budget on every answer: {@code extensions.rateLimit { limit cost remaining resetAt }}
 * and the headers {@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} (seconds until the budget is full again); a refused request
 * also gets {@code Retry-After} (seconds) and, from
 * {@link com.acme.gateway.http.GatewayGraphQlHttpHandler}, HTTP 429.
 * <p>
 * The charge itself happens inside execution, where the cost is known
 * ({@link RequestCharge}); this interceptor is first in the chain so that it also sees
 * the requests refused before, and charges those 1 point.
 */
class RateLimitInterceptor implements WebGraphQlInterceptor {

	static final String LIMIT_HEADER = "RateLimit-Limit";

	static final String REMAINING_HEADER = "RateLimit-Remaining";

	static final String RESET_HEADER = "RateLimit-Reset";

	private final UserBudgets budgets;

	private final boolean failOpen;

	RateLimitInterceptor(UserBudgets budgets, boolean failOpen) {
		this.budgets = budgets;
		this.failOpen = failOpen;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request.getAttributes().get(CurrentUser.REQUEST_ATTRIBUTE) instanceof CurrentUser user)) {
			return chain.next(request);
		}
		RequestCharge charge = new RequestCharge(this.budgets, user.id(), this.failOpen);
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(CostCharge.CONTEXT_KEY, charge)).build());
		return chain.next(request).map(response -> report(charge, response));
	}

	private static WebGraphQlResponse report(RequestCharge charge, WebGraphQlResponse response) {
		WebGraphQlResponse answer = charge.chargeIfNotYet() ? refusedInstead(charge.state(), response) : response;
		RateLimitState state = charge.state();
		if (state == null) {
			return answer;
		}
		HttpHeaders headers = answer.getResponseHeaders();
		headers.set(LIMIT_HEADER, Long.toString(state.limit()));
		headers.set(REMAINING_HEADER, Long.toString(state.remaining()));
		headers.set(RESET_HEADER, Long.toString(RateLimitState.seconds(state.untilReset())));
		if (state.refused()) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RateLimitState.seconds(state.retryAfter())));
		}
		Map<Object, Object> extensions = new LinkedHashMap<>();
		Map<Object, Object> existing = answer.getExecutionResult().getExtensions();
		if (existing != null) {
			extensions.putAll(existing);
		}
		extensions.put("rateLimit", state.toExtension());
		return answer.transform(builder -> builder.extensions(extensions));
	}

	/**
	 * A refused request whose point was over the budget too: the client learns only the
	 * latter.
	 */
	private static WebGraphQlResponse refusedInstead(RateLimitState state, WebGraphQlResponse response) {
		return response.transform(builder -> builder.data(null).errors(List.of(RequestCharge.rateLimited(state))));
	}

}
