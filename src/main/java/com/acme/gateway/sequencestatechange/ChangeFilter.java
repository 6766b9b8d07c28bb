package com.acme.gateway.sequencestatechange;

import java.util.Map;

import com.acme.gateway.filter.FilterLimits;
import com.acme.gateway.sequencestate.SequenceStateConditions;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber's {@code filter}: its SQL condition, and the same filter evaluated in
 * memory when its shape allows ({@link InMemoryStateFilter}).
 *
 * @param condition the filter as {@code sequenceStates} applies it
 * @param inMemory the filter in memory; null when only SQL answers it
 */
public record ChangeFilter(Condition condition, @Nullable InMemoryStateFilter inMemory) {

	/**
	 * Translates {@code filter}, refusing it as {@code sequenceStates} would
	 * ({@code BAD_USER_INPUT}, {@code LIMIT_EXCEEDED}).
	 */
	public static ChangeFilter of(@Nullable Map<String, Object> filter, FilterLimits limits) {
		Condition condition = SequenceStateConditions.of(filter, limits);
		return new ChangeFilter(condition, InMemoryStateFilter.compile(filter).orElse(null));
	}

}
