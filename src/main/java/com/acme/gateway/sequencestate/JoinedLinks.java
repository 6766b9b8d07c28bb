package com.acme.gateway.sequencestate;

import java.util.HashMap;
import java.util.Map;

/**
 * The linked rows a sequence-state query joined, by link and target id. Handed down the
 * result tree as graphql-java's local context, so a state's {@code prospect} (say) is
 * read from here when the query that loaded the state joined prospects.
 */
final class JoinedLinks {

	/**
	 * By the link's field name: a record's own hash would hash its jOOQ parts on every
	 * lookup.
	 */
	private final Map<String, Map<Long, Object>> rows = new HashMap<>();

	boolean covers(SequenceStateLink<?> link) {
		return this.rows.containsKey(link.field());
	}

	Object get(SequenceStateLink<?> link, Long targetId) {
		return this.rows.get(link.field()).get(targetId);
	}

	/**
	 * Marks the link as joined, even before (or without) any row: a page may match no
	 * state.
	 */
	void joined(SequenceStateLink<?> link) {
		this.rows.computeIfAbsent(link.field(), ignored -> new HashMap<>());
	}

	/**
	 * A joined row; null when the foreign key pointed nowhere (the left join found no
	 * row).
	 */
	void put(SequenceStateLink<?> link, Long targetId, Object row) {
		if (row != null) {
			this.rows.get(link.field()).put(targetId, row);
		}
	}

}
