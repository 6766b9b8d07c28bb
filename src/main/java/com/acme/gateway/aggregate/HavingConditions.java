package com.acme.gateway.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.acme.gateway.graphql.LimitExceededException;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Translates a {@code SequenceStateHaving} argument into the HAVING condition of a
 * grouping. Pure, like {@code SequenceStateConditions}: the aggregates are written out
 * again here rather than referred to by alias, since PostgreSQL does not let HAVING see
 * the select list's aliases. Every value is a bind parameter. Fields the SDL does not
 * declare never arrive: graphql-java's validation refuses them first, naming the
 * argument.
 */
final class HavingConditions {

	private final int maxDepth;

	private HavingConditions(int maxDepth) {
		this.maxDepth = maxDepth;
	}

	static Condition of(Map<String, Object> having, int maxDepth) {
		return (having == null) ? DSL.noCondition() : new HavingConditions(maxDepth).having(having, "having", 1);
	}

	@SuppressWarnings("unchecked")
	private Condition having(Map<String, Object> having, String path, int depth) {
		if (depth > this.maxDepth) {
			throw new LimitExceededException(
					"having nests deeper than %d levels (at %s)".formatted(this.maxDepth, path));
		}
		List<Condition> conditions = new ArrayList<>();
		for (Map.Entry<String, Object> entry : having.entrySet()) {
			if (entry.getValue() == null) {
				continue;
			}
			String fieldPath = path + "." + entry.getKey();
			switch (entry.getKey()) {
				case "and" ->
					conditions.add(DSL.and(each((List<Map<String, Object>>) entry.getValue(), fieldPath, depth)));
				case "or" ->
					conditions.add(DSL.or(each((List<Map<String, Object>>) entry.getValue(), fieldPath, depth)));
				case "not" ->
					conditions.add(DSL.not(having((Map<String, Object>) entry.getValue(), fieldPath, depth + 1)));
				case "count" -> conditions.add(compare(DSL.count().coerce(SQLDataType.BIGINT),
						(Map<String, Object>) entry.getValue(), Long.class::cast));
				default -> conditions.add(perCounter(AggregateFunction.ofFieldName(entry.getKey()),
						(Map<String, Object>) entry.getValue()));
			}
		}
		return DSL.and(conditions);
	}

	private List<Condition> each(List<Map<String, Object>> list, String path, int depth) {
		List<Condition> conditions = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			conditions.add(having(list.get(i), path + "[" + i + "]", depth + 1));
		}
		return conditions;
	}

	@SuppressWarnings("unchecked")
	private static Condition perCounter(AggregateFunction function, Map<String, Object> counters) {
		List<Condition> conditions = new ArrayList<>();
		counters.forEach((name, operators) -> {
			if (operators == null) {
				return;
			}
			Field<?> aggregate = function.of(AggregateColumns.COUNTERS.get(name));
			Map<String, Object> comparison = (Map<String, Object>) operators;
			conditions.add((function == AggregateFunction.AVG)
					? compare(aggregate.coerce(SQLDataType.NUMERIC), comparison,
							value -> BigDecimal.valueOf((Double) value))
					: compare(aggregate.coerce(SQLDataType.BIGINT), comparison, Long.class::cast));
		});
		return DSL.and(conditions);
	}

	private static <T> Condition compare(Field<T> aggregate, Map<String, Object> operators,
			java.util.function.Function<Object, T> value) {
		List<Condition> conditions = new ArrayList<>();
		operators.forEach((operator, operand) -> {
			if (operand == null) {
				return;
			}
			T bound = value.apply(operand);
			conditions.add(switch (operator) {
				case "eq" -> aggregate.eq(bound);
				case "ne" -> aggregate.ne(bound);
				case "gt" -> aggregate.gt(bound);
				case "gte" -> aggregate.ge(bound);
				case "lt" -> aggregate.lt(bound);
				case "lte" -> aggregate.le(bound);
				default -> throw new IllegalStateException("The SDL declares no comparison " + operator);
			});
		});
		return DSL.and(conditions);
	}

}
