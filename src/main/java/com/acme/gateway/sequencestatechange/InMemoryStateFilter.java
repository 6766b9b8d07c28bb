package com.acme.gateway.sequencestatechange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;

import com.acme.gateway.graphql.Ids;
import com.acme.gateway.sequencestate.SequenceState;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SequenceStateFilter} evaluated in memory against the state a change left, for
 * the shapes that need nothing but the state's own columns: ids, statuses, counters,
 * dates, the ids of its links, the exact text operators, and {@code and}, {@code or},
 * {@code not} over them.
 *
 * <p>
 * Why: the feed matched every distinct filter of its subscribers with SQL, a statement
 * per 100 filters and batch, on its one thread; at 10,000 distinct filters that was 100
 * statements per wake-up and seconds of delay for everyone (BENCHMARKS.md,
 * "Subscriptions"). A filter compiled here costs a few comparisons per change.
 *
 * <p>
 * It gives the answer {@link com.acme.gateway.sequencestate.SequenceStateConditions}' SQL
 * gives, or none: SQL's three-valued logic is kept (a comparison with null is unknown,
 * {@code not} is {@code is distinct from true}, a where keeps only true), as is jOOQ's
 * rule that an empty filter restricts nothing, even inside {@code or}. Every shape whose
 * SQL meaning depends on more than equality and order of plain values is left to SQL
 * ({@link #compile} is empty): related rows' attributes (a semi-join), text ordering and
 * {@code contains}/{@code startsWith} (collation and case folding), a DateTime finer than
 * PostgreSQL's microsecond (which rounds it), and {@code not} of an empty filter.
 * {@code InMemoryStateFilterTests} checks the two agree on generated filters and states
 * against the database.
 */
public final class InMemoryStateFilter {

	private static final Map<String, Column> COLUMNS = Map.ofEntries(column("id", Kind.ID, SequenceState::id),
			column("state", Kind.ENUM, state -> state.state().name()), date("activeAt", SequenceState::activeAt),
			date("callCompletedAt", SequenceState::callCompletedAt), date("createdAt", SequenceState::createdAt),
			date("repliedAt", SequenceState::repliedAt), date("stateChangedAt", SequenceState::stateChangedAt),
			date("updatedAt", SequenceState::updatedAt), counter("bounceCount", SequenceState::bounceCount),
			counter("clickCount", SequenceState::clickCount), counter("deliverCount", SequenceState::deliverCount),
			counter("failureCount", SequenceState::failureCount),
			counter("negativeReplyCount", SequenceState::negativeReplyCount),
			counter("neutralReplyCount", SequenceState::neutralReplyCount),
			counter("openCount", SequenceState::openCount), counter("optOutCount", SequenceState::optOutCount),
			counter("positiveReplyCount", SequenceState::positiveReplyCount),
			counter("replyCount", SequenceState::replyCount), counter("scheduleCount", SequenceState::scheduleCount),
			column("errorReason", Kind.STRING, SequenceState::errorReason),
			column("pauseReason", Kind.STRING, SequenceState::pauseReason),
			column("account.id", Kind.ID, SequenceState::accountId),
			column("mailbox.id", Kind.ID, SequenceState::mailboxId),
			column("opportunity.id", Kind.ID, SequenceState::opportunityId),
			column("prospect.id", Kind.ID, SequenceState::prospectId),
			column("sequence.id", Kind.ID, SequenceState::sequenceId),
			column("sequenceStep.id", Kind.ID, SequenceState::sequenceStepId));

	private static final Test ALWAYS = state -> true;

	private static final Test NEVER = state -> false;

	private final Test root;

	private InMemoryStateFilter(Test root) {
		this.root = root;
	}

	/**
	 * The filter evaluated in memory, or empty when its SQL meaning needs the database.
	 * {@code filter} must already have been translated by
	 * {@code SequenceStateConditions.of}, which checked its values and limits.
	 */
	static Optional<InMemoryStateFilter> compile(@Nullable Map<String, Object> filter) {
		if (filter == null) {
			return Optional.of(new InMemoryStateFilter(ALWAYS));
		}
		try {
			return Optional.of(new InMemoryStateFilter(filter(filter)));
		}
		catch (NeedsSql ex) {
			return Optional.empty();
		}
	}

	boolean matches(SequenceState state) {
		return Boolean.TRUE.equals(this.root.test(state));
	}

	/** A condition in SQL's logic: true, false, or null for unknown. */
	@FunctionalInterface
	private interface Test {

		@Nullable Boolean test(SequenceState state);

	}

	@SuppressWarnings("unchecked")
	private static Test filter(Map<String, Object> filter) {
		List<Test> conditions = new ArrayList<>();
		for (Map.Entry<String, Object> entry : filter.entrySet()) {
			Object value = entry.getValue();
			if (value == null) {
				continue;
			}
			conditions.add(switch (entry.getKey()) {
				case "and" -> and(each((List<Map<String, Object>>) value));
				case "or" -> or(each((List<Map<String, Object>>) value));
				case "not" -> not(filter((Map<String, Object>) value));
				default -> field(entry.getKey(), (Map<String, Object>) value);
			});
		}
		return and(conditions);
	}

	private static List<Test> each(List<Map<String, Object>> filters) {
		List<Test> conditions = new ArrayList<>(filters.size());
		filters.forEach(filter -> conditions.add(filter(filter)));
		return conditions;
	}

	/**
	 * jOOQ's {@code DSL.and}: of no conditions, true (an empty filter holds for every
	 * state).
	 */
	private static Test and(List<Test> conditions) {
		return combined(conditions, false);
	}

	/** jOOQ's {@code DSL.or}: of no conditions, false. */
	private static Test or(List<Test> conditions) {
		return combined(conditions, true);
	}

	/**
	 * SQL's AND ({@code decisive} false: one false condition decides) or OR
	 * ({@code decisive} true) in three-valued logic: otherwise unknown if any condition
	 * is, else the other value, which is also the result of no conditions.
	 */
	private static Test combined(List<Test> conditions, boolean decisive) {
		if (conditions.isEmpty()) {
			return decisive ? NEVER : ALWAYS;
		}
		if (conditions.size() == 1) {
			return conditions.get(0);
		}
		return state -> {
			boolean unknown = false;
			for (Test condition : conditions) {
				Boolean result = condition.test(state);
				if (result == null) {
					unknown = true;
				}
				else if (result == decisive) {
					return decisive;
				}
			}
			return unknown ? null : !decisive;
		};
	}

	/** {@code (…) is distinct from true}: unknown becomes true. */
	private static Test not(Test condition) {
		return state -> !Boolean.TRUE.equals(condition.test(state));
	}

	@SuppressWarnings("unchecked")
	private static Test field(String name, Map<String, Object> operators) {
		Column column = COLUMNS.get(name);
		if (column != null) {
			return column.kind() == Kind.ENUM ? enumeration(column, operators) : comparable(column, operators);
		}
		// A relationship: only the ids held by the state's own link columns.
		List<Test> conditions = new ArrayList<>();
		for (Map.Entry<String, Object> entry : operators.entrySet()) {
			if (entry.getValue() == null) {
				continue;
			}
			Column link = COLUMNS.get(name + "." + entry.getKey());
			if (link == null) {
				throw new NeedsSql();
			}
			conditions.add(comparable(link, (Map<String, Object>) entry.getValue()));
		}
		return and(conditions);
	}

	/**
	 * {@code ColumnFilters.enumeration}: the four operators it reads, on a non-null
	 * column.
	 */
	private static Test enumeration(Column column, Map<String, Object> operators) {
		List<Test> conditions = new ArrayList<>();
		if (operators.get("eq") != null) {
			String value = operators.get("eq").toString();
			conditions.add(state -> value.equals(column.value(state)));
		}
		if (operators.get("ne") != null) {
			String value = operators.get("ne").toString();
			conditions.add(state -> !value.equals(column.value(state)));
		}
		if (operators.get("in") instanceof List<?> values) {
			List<String> names = values.stream().map(Object::toString).toList();
			conditions.add(state -> names.contains(column.value(state)));
		}
		if (operators.get("notIn") instanceof List<?> values) {
			List<String> names = values.stream().map(Object::toString).toList();
			conditions.add(state -> !names.contains(column.value(state)));
		}
		return and(conditions);
	}

	/** {@code ColumnFilters.comparable}, operator by operator, with SQL's nulls. */
	private static Test comparable(Column column, Map<String, Object> operators) {
		List<Test> conditions = new ArrayList<>();
		for (Map.Entry<String, Object> operator : operators.entrySet()) {
			Object value = operator.getValue();
			if (value == null) {
				continue;
			}
			String name = operator.getKey();
			if (column.kind() == Kind.STRING && !List.of("eq", "ne", "in", "notIn", "isNull").contains(name)) {
				throw new NeedsSql();
			}
			conditions.add(switch (name) {
				case "eq" -> compared(column, operand(column, value), order -> order == 0);
				case "ne" -> notEqual(column, operand(column, value));
				case "gt" -> compared(column, operand(column, value), order -> order > 0);
				case "gte" -> compared(column, operand(column, value), order -> order >= 0);
				case "lt" -> compared(column, operand(column, value), order -> order < 0);
				case "lte" -> compared(column, operand(column, value), order -> order <= 0);
				case "in" -> in(column, operands(column, value));
				case "notIn" -> notIn(column, operands(column, value));
				case "isNull" -> {
					boolean isNull = Boolean.TRUE.equals(value);
					yield state -> (column.value(state) == null) == isNull;
				}
				default -> throw new NeedsSql();
			});
		}
		return and(conditions);
	}

	/**
	 * A comparison; {@code holds} is given the sign of the column's value minus the
	 * operand.
	 */
	private static Test compared(Column column, Comparable<Object> operand, IntPredicate holds) {
		return state -> {
			Object value = column.value(state);
			return (value == null) ? null : holds.test(-Integer.signum(operand.compareTo(value)));
		};
	}

	/**
	 * {@code is distinct from} on a nullable column, {@code <>} on another: the same, as
	 * only a nullable column's value is ever null.
	 */
	private static Test notEqual(Column column, Comparable<Object> operand) {
		return state -> {
			Object value = column.value(state);
			return value == null || operand.compareTo(value) != 0;
		};
	}

	/** {@code = any(?)}: unknown for null, unless the list is empty (then false). */
	private static Test in(Column column, List<Comparable<Object>> operands) {
		return state -> {
			Object value = column.value(state);
			if (operands.isEmpty()) {
				return false;
			}
			if (value == null) {
				return null;
			}
			return operands.stream().anyMatch(operand -> operand.compareTo(value) == 0);
		};
	}

	/**
	 * {@code <> all(?) or … is null} on a nullable column: true for null or an empty
	 * list.
	 */
	private static Test notIn(Column column, List<Comparable<Object>> operands) {
		return state -> {
			Object value = column.value(state);
			if (operands.isEmpty() || value == null) {
				return true;
			}
			return operands.stream().noneMatch(operand -> operand.compareTo(value) == 0);
		};
	}

	private static List<Comparable<Object>> operands(Column column, Object values) {
		return ((List<?>) values).stream().map(value -> operand(column, value)).toList();
	}

	/** A filter value in the form {@link Column#value} gives the column's. */
	@SuppressWarnings("unchecked")
	private static Comparable<Object> operand(Column column, Object value) {
		Comparable<?> operand = switch (column.kind()) {
			case ID -> Ids.parse(value.toString(), column.name());
			case INTEGER -> ((Integer) value).longValue();
			case DATE -> {
				OffsetDateTime date = (OffsetDateTime) value;
				if (date.getNano() % 1_000 != 0) {
					// PostgreSQL rounds it to its microsecond; leave that rounding to it.
					throw new NeedsSql();
				}
				yield date.toInstant();
			}
			case STRING, ENUM -> (String) value;
		};
		return (Comparable<Object>) operand;
	}

	private static Map.Entry<String, Column> column(String name, Kind kind,
			Function<SequenceState, @Nullable Object> value) {
		return Map.entry(name, new Column(name, kind, value));
	}

	private static Map.Entry<String, Column> date(String name,
			Function<SequenceState, @Nullable OffsetDateTime> value) {
		return column(name, Kind.DATE, state -> {
			OffsetDateTime date = value.apply(state);
			return (date == null) ? null : date.toInstant();
		});
	}

	private static Map.Entry<String, Column> counter(String name, Function<SequenceState, Integer> value) {
		return column(name, Kind.INTEGER, state -> value.apply(state).longValue());
	}

	private enum Kind {

		ID, INTEGER, DATE, STRING, ENUM

	}

	/**
	 * A filterable column: its value read from the state as a Long, an Instant or a
	 * String (an enum by its name), or null.
	 */
	private record Column(String name, Kind kind, Function<SequenceState, @Nullable Object> reader) {

		@Nullable Object value(SequenceState state) {
			return this.reader.apply(state);
		}

	}

	/** The filter holds a shape only SQL answers as SQL does. */
	private static final class NeedsSql extends RuntimeException {

		NeedsSql() {
			super(null, null, false, false);
		}

	}

}
