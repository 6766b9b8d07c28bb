package com.acme.gateway.filter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large a {@code filter} argument may be ({@code gateway.filter.*}). A filter over the limits
 * is refused with {@code LIMIT_EXCEEDED} before any SQL runs: one client's giant OR-tree must
 * not become everyone's slow planner.
 *
 * @param maxDepth how deeply {@code and}, {@code or} and {@code not} may nest
 * @param maxConditions how many operators one filter may hold in all
 * @param maxListValues how many values one {@code in}, {@code notIn}, {@code hasSome} or
 * {@code hasEvery} list may hold
 */
@ConfigurationProperties("gateway.filter")
public record FilterLimits(@DefaultValue("8") int maxDepth, @DefaultValue("100") int maxConditions,
		@DefaultValue("1000") int maxListValues) {

	public static final FilterLimits DEFAULTS = new FilterLimits(8, 100, 1000);

}
