package com.acme.gateway.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The aggregates a query selected on a {@code SequenceStateAggregate}, as select-list
 * fields, and how to read them back into the answer. Only what is selected is computed: a
 * {@code count(distinct …)} or an average over a million states costs real time, and a
 * client asking for one count should not pay for sixty aggregates.
 *
 * <p>
 * The answer is a map per object ({@code count}, then {@code sum}, {@code avg}, ... each
 * a map by field name), which graphql-java's property fetchers read like any object.
 */
final class AggregateSelection {

	/** A selected aggregate: where it goes in the answer and its select-list field. */
	private record Selected(String group, String field, AggregateFunction function, Field<?> expression) {
	}

	private static final List<String> GROUPS = List.of("sum", "avg", "min", "max", "distinctCount");

	private final List<Selected> selected;

	private AggregateSelection(List<Selected> selected) {
		this.selected = selected;
	}

	/**
	 * The aggregates selected below {@code prefix} in {@code selection} ({@code ""} for
	 * the aggregate field itself, {@code "edges/node/aggregate/"} for a connection of
	 * groups).
	 */
	static AggregateSelection of(DataFetchingFieldSelectionSet selection, String prefix) {
		Set<String> paths = new LinkedHashSet<>();
		for (SelectedField field : selection.getFields()) {
			String name = field.getQualifiedName();
			if (name.startsWith(prefix)) {
				paths.add(name.substring(prefix.length()));
			}
		}
		List<Selected> selected = new ArrayList<>();
		for (String path : paths) {
			String[] parts = path.split("/");
			if (parts.length != 2) {
				continue;
			}
			Field<?> column = columnOf(parts[0], parts[1]);
			if (column == null) {
				continue;
			}
			AggregateFunction function = parts[0].equals("distinctCount") ? null
					: AggregateFunction.ofFieldName(parts[0]);
			Field<?> expression = (function == null) ? DSL.countDistinct(column) : function.of(column);
			selected.add(new Selected(parts[0], parts[1], function, expression.as("a" + selected.size())));
		}
		return new AggregateSelection(List.copyOf(selected));
	}

	/**
	 * The column that {@code group.field} aggregates, or null for {@code __typename} and
	 * the like.
	 */
	private static Field<?> columnOf(String group, String field) {
		return switch (group) {
			case "sum", "avg" -> AggregateColumns.COUNTERS.get(field);
			case "min", "max" -> AggregateColumns.COUNTERS.containsKey(field) ? AggregateColumns.COUNTERS.get(field)
					: AggregateColumns.DATE_TIMES.get(field);
			case "distinctCount" -> AggregateColumns.LINKS.get(field);
			default -> null;
		};
	}

	/** The select-list fields of the selected aggregates, each aliased. */
	List<Field<?>> fields() {
		return this.selected.stream().<Field<?>>map(Selected::expression).toList();
	}

	/**
	 * The answer of one row: {@code count} from {@code countField}, the aggregates from
	 * their aliases.
	 */
	Map<String, Object> read(Record row, Field<Integer> countField) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("count", row.get(countField));
		for (String group : GROUPS) {
			answer.put(group, new LinkedHashMap<String, Object>());
		}
		for (Selected aggregate : this.selected) {
			Object value = row.get(aggregate.expression());
			@SuppressWarnings("unchecked")
			Map<String, Object> group = (Map<String, Object>) answer.get(aggregate.group());
			group.put(aggregate.field(), (aggregate.function() == null) ? value : aggregate.function().answer(value));
		}
		return answer;
	}

}
