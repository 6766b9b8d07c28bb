package com.acme.gateway.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.InvalidInputException;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * The ORDER BY of a page of groups: the client's elements, then every key ascending
 * (nulls last), so that groups that tie keep one order from page to page: the keys are
 * unique per group, so the order is total and offset pages neither skip nor repeat a
 * group.
 */
final class GroupOrdering {

	private GroupOrdering() {
	}

	@SuppressWarnings("unchecked")
	static List<SortField<?>> of(List<Map<String, Object>> orderBy, List<GroupKey> keys) {
		List<SortField<?>> order = new ArrayList<>();
		if (orderBy != null) {
			for (int i = 0; i < orderBy.size(); i++) {
				order.add(element(orderBy.get(i), keys, "orderBy[" + i + "]"));
			}
		}
		for (GroupKey key : keys) {
			order.add(key.expression().asc().nullsLast());
		}
		return order;
	}

	@SuppressWarnings("unchecked")
	private static SortField<?> element(Map<String, Object> element, List<GroupKey> keys, String path) {
		List<String> given = element.entrySet()
			.stream()
			.filter(entry -> entry.getValue() != null && !entry.getKey().equals("direction"))
			.map(Map.Entry::getKey)
			.toList();
		if (given.size() != 1) {
			throw new InvalidInputException(
					path + " must name exactly one of count, sum, avg, min, max or key, but named " + given.size());
		}
		String what = given.get(0);
		Object direction = element.get("direction");
		if (direction != null && !what.equals("key")) {
			throw new InvalidInputException(path + ".direction goes with key; write { " + what + ": … DESC } instead");
		}
		return switch (what) {
			case "count" -> sorted(DSL.count(), element.get("count"));
			case "key" -> sorted(keyExpression((String) element.get("key"), keys, path), direction);
			default -> {
				Map<String, Object> counters = (Map<String, Object>) element.get(what);
				List<Map.Entry<String, Object>> named = counters.entrySet()
					.stream()
					.filter(entry -> entry.getValue() != null)
					.toList();
				if (named.size() != 1) {
					throw new InvalidInputException(
							path + "." + what + " must name exactly one counter, but named " + named.size());
				}
				Field<?> column = AggregateColumns.COUNTERS.get(named.get(0).getKey());
				yield sorted(AggregateFunction.ofFieldName(what).of(column), named.get(0).getValue());
			}
		};
	}

	private static Field<?> keyExpression(String name, List<GroupKey> keys, String path) {
		for (GroupKey key : keys) {
			if (key.field().name().equals(name)) {
				return key.expression();
			}
		}
		throw new InvalidInputException(path + ".key " + name + " is not one of the groupBy keys");
	}

	/** Ascending puts nulls last and descending first, as {@code sequenceStates} does. */
	private static SortField<?> sorted(Field<?> field, Object direction) {
		return "DESC".equals(direction) ? field.desc().nullsFirst() : field.asc().nullsLast();
	}

}
