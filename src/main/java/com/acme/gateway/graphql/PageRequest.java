package com.acme.gateway.graphql;

import org.jspecify.annotations.Nullable;

/**
 * The Relay arguments of one connection field, checked: how many rows, which way, from
 * where.
 *
 * @param size how many rows the page holds at most (0 is allowed: it answers pageInfo
 * alone)
 * @param backward true for {@code last}/{@code before}: rows are read in reverse order
 * and the page is flipped back before it is returned
 * @param cursor the {@code after} (forward) or {@code before} (backward) cursor, or null
 */
public record PageRequest(int size, boolean backward, @Nullable String cursor) {

	/**
	 * Validates the four Relay arguments. {@code first} goes with {@code after} and
	 * {@code last} with {@code before}; mixing directions has no useful meaning for
	 * keyset paging, so it is refused rather than half-honoured.
	 */
	public static PageRequest of(Integer first, String after, Integer last, String before, PagingProperties limits) {
		if (first != null && last != null) {
			throw new InvalidInputException("Pass first (with after) or last (with before), not both.");
		}
		if (after != null && before != null) {
			throw new InvalidInputException("Pass after or before, not both.");
		}
		if (first != null && before != null) {
			throw new InvalidInputException("first pages forward and goes with after; use last with before.");
		}
		if (last != null && after != null) {
			throw new InvalidInputException("last pages backward and goes with before; use first with after.");
		}
		boolean backward = last != null || before != null;
		Integer requested = backward ? last : first;
		int size = (requested != null) ? requested : limits.defaultSize();
		if (size < 0 || size > limits.maxSize()) {
			throw new InvalidInputException("%s must be between 0 and %d, but was %d"
				.formatted(backward ? "last" : "first", limits.maxSize(), size));
		}
		return new PageRequest(size, backward, backward ? before : after);
	}

}
