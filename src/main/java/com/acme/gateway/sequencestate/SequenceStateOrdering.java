package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.acme.gateway.database.SortKey;

/**
 * The sort keys of a sequence-state page: the client's {@code orderBy}, then {@code id}
 * as the last tie-breaker, in the direction of the last key. Ids are unique, so the order
 * is total and a keyset cursor names exactly one position, however many rows share the
 * client's sort values.
 *
 * @param keys the keys in ORDER BY order, always ending with {@code id}
 */
public record SequenceStateOrdering(List<SortKey<?>> keys) {

	/** {@code id} ascending: the order when the client gives none. */
	public static final SequenceStateOrdering BY_ID = of(List.of());

	public static SequenceStateOrdering of(List<SequenceStateOrder> orderBy) {
		List<SortKey<?>> keys = new ArrayList<>();
		for (SequenceStateOrder order : orderBy) {
			if (order.field() == null) {
				continue;
			}
			keys.add(SortKey.of(order.field().column(), order.descending()));
			if (order.field() == SequenceStateOrderField.ID) {
				// id is unique: keys after it could never break a tie.
				return new SequenceStateOrdering(List.copyOf(keys));
			}
		}
		// The tie-breaker runs the way the last key runs, so "updated_at desc, id desc"
		// can be
		// read backwards off one (updated_at, id) index and bounded by one row
		// comparison.
		boolean lastDescending = !keys.isEmpty() && keys.get(keys.size() - 1).descending();
		keys.add(SortKey.of(SEQUENCE_STATE.ID, lastDescending));
		return new SequenceStateOrdering(List.copyOf(keys));
	}

	/**
	 * Names this ordering inside cursors, so a cursor is refused under another ordering.
	 */
	public String signature() {
		return this.keys.stream()
			.map(key -> key.field().getName() + (key.descending() ? "-" : "+"))
			.collect(Collectors.joining(","));
	}

}
