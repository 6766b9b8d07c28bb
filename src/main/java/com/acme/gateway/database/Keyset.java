package com.acme.gateway.database;

import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Keyset ("seek") pagination over any list of sort keys: the ORDER BY and the predicate
 * that selects the rows strictly after a cursor's values. No OFFSET, so page 10,000 costs
 * what page 1 costs.
 *
 * <p>
 * NULLs follow PostgreSQL's default placement, which keeps plain b-tree indexes usable:
 * they sort after every value ascending and before every value descending. Reading
 * backward flips every key's direction, which flips the null placement with it, so one
 * predicate builder serves both directions. jOOQ's {@code seek()} is not used because it
 * does not handle NULL sort values.
 */
public final class Keyset {

	private Keyset() {
	}

	public static List<SortField<?>> orderBy(List<SortKey<?>> keys, boolean reversed) {
		List<SortField<?>> fields = new ArrayList<>(keys.size());
		for (SortKey<?> key : keys) {
			fields.add(descending(key, reversed) ? key.field().desc() : key.field().asc());
		}
		return fields;
	}

	/**
	 * The rows that come strictly after the row whose sort values are {@code values}, in
	 * the order {@link #orderBy} gives for the same {@code reversed}.
	 */
	public static Condition after(List<SortKey<?>> keys, List<?> values, boolean reversed) {
		if (sameDirectionAndNotNull(keys, reversed)) {
			// A row-value comparison is an index range bound for PostgreSQL: the scan
			// starts at the
			// cursor instead of filtering its way there.
			Field<?>[] fields = keys.stream().map(SortKey::field).toArray(Field<?>[]::new);
			Object[] bound = values.toArray();
			return descending(keys.get(0), reversed) ? DSL.row(fields).lt(bound) : DSL.row(fields).gt(bound);
		}
		// (k1 after v1) or (k1 = v1 and k2 after v2) or ...; arms that can match nothing
		// are left out.
		List<Condition> arms = new ArrayList<>();
		List<Condition> earlierKeysEqual = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			SortKey<?> key = keys.get(i);
			Object value = values.get(i);
			Condition strictlyAfter = strictlyAfter(key, value, reversed);
			if (strictlyAfter != null) {
				List<Condition> arm = new ArrayList<>(earlierKeysEqual);
				arm.add(strictlyAfter);
				arms.add(DSL.and(arm));
			}
			earlierKeysEqual.add(equal(key, value));
		}
		Condition anyLaterKey = arms.isEmpty() ? DSL.falseCondition() : DSL.or(arms);
		return anyLaterKey.and(leadingBound(keys.get(0), values.get(0), reversed));
	}

	private static boolean descending(SortKey<?> key, boolean reversed) {
		return key.descending() != reversed;
	}

	private static boolean sameDirectionAndNotNull(List<SortKey<?>> keys, boolean reversed) {
		boolean firstDescending = descending(keys.get(0), reversed);
		return keys.stream().allMatch(key -> !key.nullable() && descending(key, reversed) == firstDescending);
	}

	/** The rows after {@code value} on this key alone; null when there are none. */
	@SuppressWarnings("unchecked")
	private static <T> Condition strictlyAfter(SortKey<T> key, Object value, boolean reversed) {
		Field<T> field = key.field();
		if (descending(key, reversed)) {
			// NULLs come first: after a NULL come all values; after a value, smaller
			// values.
			return (value == null) ? field.isNotNull() : field.lt((T) value);
		}
		// NULLs come last: nothing comes after a NULL; after a value, larger values and
		// the NULLs.
		if (value == null) {
			return null;
		}
		return key.nullable() ? field.gt((T) value).or(field.isNull()) : field.gt((T) value);
	}

	@SuppressWarnings("unchecked")
	private static <T> Condition equal(SortKey<T> key, Object value) {
		return (value == null) ? key.field().isNull() : key.field().eq((T) value);
	}

	/**
	 * A redundant bound on the first key that lets PostgreSQL start an index scan near
	 * the cursor even when the OR-expanded predicate above cannot be used as an index
	 * condition.
	 */
	@SuppressWarnings("unchecked")
	private static <T> Condition leadingBound(SortKey<T> key, Object value, boolean reversed) {
		if (value == null || key.nullable()) {
			return DSL.noCondition();
		}
		return descending(key, reversed) ? key.field().le((T) value) : key.field().ge((T) value);
	}

}
