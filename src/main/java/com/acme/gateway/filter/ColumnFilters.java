package com.acme.gateway.filter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import com.acme.gateway.graphql.Ids;
import com.acme.gateway.graphql.InvalidInputException;
import com.acme.gateway.graphql.LimitExceededException;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Turns the operator objects of the shared filter inputs ({@code IDFilter},
 * {@code IntFilter}, {@code DateTimeFilter}, {@code StringFilter}, {@code BooleanFilter},
 * {@code StringListFilter} and enum filters) into jOOQ conditions on one column. Every
 * value is a bind parameter.
 *
 * <p>
 * One instance reads one {@code filter} argument: it counts the operators it translates
 * and refuses the filter with {@code LIMIT_EXCEEDED} once they pass {@link FilterLimits}.
 *
 * <p>
 * Null semantics, stated in the SDL too: {@code ne} and {@code notIn} on a column that
 * can be null also match the rows where it is null ("not equal to x" is what a person
 * means by it), while {@code eq}, {@code in} and the comparisons never match null;
 * {@code isNull} asks for it. List operators bind their values as one array
 * ({@code = any(?)}), so the SQL text does not grow with the list.
 */
public final class ColumnFilters {

	private final FilterLimits limits;

	private int conditions;

	public ColumnFilters(FilterLimits limits) {
		this.limits = limits;
	}

	public FilterLimits limits() {
		return this.limits;
	}

	public Condition id(Field<Long> column, Map<String, Object> operators, String path) {
		return comparable(column, operators, path, (value, operatorPath) -> Ids.parse(value.toString(), operatorPath),
				Long[]::new);
	}

	public Condition integer(Field<Integer> column, Map<String, Object> operators, String path) {
		return comparable(column, operators, path, (value, operatorPath) -> (Integer) value, Integer[]::new);
	}

	public Condition dateTime(Field<OffsetDateTime> column, Map<String, Object> operators, String path) {
		return comparable(column, operators, path, (value, operatorPath) -> (OffsetDateTime) value,
				OffsetDateTime[]::new);
	}

	public Condition string(Field<String> column, Map<String, Object> operators, String path) {
		List<Condition> result = new ArrayList<>();
		result.add(comparable(column, withoutTextOperators(operators), path, ColumnFilters::text, String[]::new));
		if (operators.get("contains") instanceof String text) {
			spend(path + ".contains");
			result.add(column.containsIgnoreCase(text(text, path + ".contains")));
		}
		if (operators.get("startsWith") instanceof String text) {
			spend(path + ".startsWith");
			result.add(column.startsWithIgnoreCase(text(text, path + ".startsWith")));
		}
		return DSL.and(result);
	}

	public Condition bool(Field<Boolean> column, Map<String, Object> operators, String path) {
		if (operators.get("eq") instanceof Boolean value) {
			spend(path + ".eq");
			return column.eq(value);
		}
		return DSL.noCondition();
	}

	/**
	 * {@code StringListFilter}: values are compared lower-cased, as emails are stored.
	 */
	public Condition stringList(Field<String[]> column, Map<String, Object> operators, String path) {
		List<Condition> result = new ArrayList<>();
		if (operators.get("has") instanceof String value) {
			spend(path + ".has");
			result.add(column.contains(new String[] { text(value, path + ".has").toLowerCase(Locale.ROOT) }));
		}
		if (operators.get("hasSome") instanceof List<?> values) {
			spend(path + ".hasSome");
			result.add(DSL.arrayOverlap(column, DSL.val(lowerCased(values, path + ".hasSome"), column)));
		}
		if (operators.get("hasEvery") instanceof List<?> values) {
			spend(path + ".hasEvery");
			result.add(column.contains(lowerCased(values, path + ".hasEvery")));
		}
		return DSL.and(result);
	}

	/**
	 * An enum column ({@code eq ne in notIn}); the values arrive as the GraphQL enum's
	 * names. The enum column is never null, so {@code ne} needs no null case.
	 */
	public <E extends Enum<E>> Condition enumeration(Field<E> column, Class<E> type, Map<String, Object> operators,
			String path) {
		List<Condition> result = new ArrayList<>();
		if (operators.get("eq") != null) {
			spend(path + ".eq");
			result.add(column.eq(Enum.valueOf(type, operators.get("eq").toString())));
		}
		if (operators.get("ne") != null) {
			spend(path + ".ne");
			result.add(column.ne(Enum.valueOf(type, operators.get("ne").toString())));
		}
		if (operators.get("in") instanceof List<?> values) {
			spend(path + ".in");
			result.add(column.in(enums(type, values, path + ".in")));
		}
		if (operators.get("notIn") instanceof List<?> values) {
			spend(path + ".notIn");
			result.add(column.notIn(enums(type, values, path + ".notIn")));
		}
		return DSL.and(result);
	}

	/** Counts one operator against {@link FilterLimits#maxConditions()}. */
	public void spend(String path) {
		this.conditions++;
		if (this.conditions > this.limits.maxConditions()) {
			throw new LimitExceededException("filter has more than %d conditions (the limit is reached at %s)"
				.formatted(this.limits.maxConditions(), path));
		}
	}

	private <T> Condition comparable(Field<T> column, Map<String, Object> operators, String path,
			BiFunction<Object, String, T> read, java.util.function.IntFunction<T[]> arrays) {
		boolean nullable = column.getDataType().nullable();
		List<Condition> result = new ArrayList<>();
		for (Map.Entry<String, Object> operator : operators.entrySet()) {
			Object value = operator.getValue();
			if (value == null) {
				continue;
			}
			String operatorPath = path + "." + operator.getKey();
			spend(operatorPath);
			result.add(switch (operator.getKey()) {
				case "eq" -> column.eq(read.apply(value, operatorPath));
				case "ne" -> nullable ? column.isDistinctFrom(read.apply(value, operatorPath))
						: column.ne(read.apply(value, operatorPath));
				case "gt" -> column.gt(read.apply(value, operatorPath));
				case "gte" -> column.ge(read.apply(value, operatorPath));
				case "lt" -> column.lt(read.apply(value, operatorPath));
				case "lte" -> column.le(read.apply(value, operatorPath));
				case "in" -> column.eq(DSL.any(array(value, operatorPath, read, arrays)));
				case "notIn" -> {
					Condition notAny = column.ne(DSL.all(array(value, operatorPath, read, arrays)));
					yield nullable ? notAny.or(column.isNull()) : notAny;
				}
				case "isNull" -> Boolean.TRUE.equals(value) ? column.isNull() : column.isNotNull();
				default -> throw new IllegalStateException("The SDL declares no operator " + operatorPath);
			});
		}
		return DSL.and(result);
	}

	private <T> T[] array(Object value, String path, BiFunction<Object, String, T> read,
			java.util.function.IntFunction<T[]> arrays) {
		List<?> values = checkedList(value, path);
		T[] result = arrays.apply(values.size());
		for (int i = 0; i < values.size(); i++) {
			result[i] = read.apply(values.get(i), path + "[" + i + "]");
		}
		return result;
	}

	private String[] lowerCased(List<?> values, String path) {
		List<?> checked = checkedList(values, path);
		String[] result = new String[checked.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = text(checked.get(i), path + "[" + i + "]").toLowerCase(Locale.ROOT);
		}
		return result;
	}

	/**
	 * A string value as PostgreSQL can take it: its text types cannot hold U+0000, and a
	 * bind parameter with one fails the whole statement, so such a value is the caller's
	 * error.
	 */
	private static String text(Object value, String path) {
		String text = (String) value;
		if (text.indexOf('\u0000') >= 0) {
			throw new InvalidInputException(path + " contains the character U+0000, which no stored text can hold");
		}
		return text;
	}

	private <E extends Enum<E>> List<E> enums(Class<E> type, List<?> values, String path) {
		return checkedList(values, path).stream().map(value -> Enum.valueOf(type, value.toString())).toList();
	}

	private List<?> checkedList(Object value, String path) {
		if (!(value instanceof List<?> values)) {
			throw new InvalidInputException(path + " must be a list");
		}
		if (values.size() > this.limits.maxListValues()) {
			throw new LimitExceededException("%s has %d values; at most %d are allowed".formatted(path, values.size(),
					this.limits.maxListValues()));
		}
		return values;
	}

	private static Map<String, Object> withoutTextOperators(Map<String, Object> operators) {
		Map<String, Object> rest = new java.util.LinkedHashMap<>(operators);
		rest.remove("contains");
		rest.remove("startsWith");
		return rest;
	}

}
