package com.acme.gateway.filter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large a {@code filter} argument may be ({@code gateway.filter.*}). A filter over
 * the limits is refused with {@code LIMIT_EXCEEDED} before any SQL runs: one client's
 * giant OR-tree must not become everyone's slow planner.
 *
 * @param maxDepth how deeply {@code and}, {@code or} and {@code not} may nest
 * @param maxConditions how many operators one filter may hold in all
 * @param maxListValues how many values one {@code in}, {@code notIn}, {@code hasSome} or
 * {@code hasEvery} list may hold
 * @param narrowDateRange a date range at most this wide (both bounds given) is read first
 * and then sorted, rather than walking the index of the requested order and filtering;
 * see {@code SequenceStateRepository#findPage}
 */
@ConfigurationProperties("gateway.filter")
public record FilterLimits(@DefaultValue("8") int maxDepth, @DefaultValue("100") int maxConditions,
		@DefaultValue("1000") int maxListValues, @DefaultValue("31d") Duration narrowDateRange) {

	public static final FilterLimits DEFAULTS = new FilterLimits(8, 100, 1000, Duration.ofDays(31));

}
