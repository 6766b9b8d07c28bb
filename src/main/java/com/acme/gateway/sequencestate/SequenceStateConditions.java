package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.gateway.filter.ColumnFilters;
import com.acme.gateway.filter.FilterLimits;
import com.acme.gateway.graphql.LimitExceededException;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Translates a {@code SequenceStateFilter} argument into one jOOQ condition on
 * {@code sequence_state}. Pure: no Spring, no database; tested by rendering SQL.
 *
 * <p>
 * The argument arrives as the map graphql-java coerced it to (scalars already typed, enum
 * values as names), not as a record: the operators {@code in} and {@code notIn} are not
 * legal Java names, and a map lets every error message name the exact path the client
 * wrote.
 *
 * <p>
 * {@code not} is the complement of its filter: it renders as {@code (…) is distinct from
 * true}, so a state whose compared value is null, which SQL's plain NOT would drop, is
 * returned by {@code not} as a person expects.
 */
public final class SequenceStateConditions {

	private static final Map<String, Field<OffsetDateTime>> DATE_COLUMNS = Map.of("activeAt", SEQUENCE_STATE.ACTIVE_AT,
			"callCompletedAt", SEQUENCE_STATE.CALL_COMPLETED_AT, "createdAt", SEQUENCE_STATE.CREATED_AT, "repliedAt",
			SEQUENCE_STATE.REPLIED_AT, "stateChangedAt", SEQUENCE_STATE.STATE_CHANGED_AT, "updatedAt",
			SEQUENCE_STATE.UPDATED_AT);

	private final ColumnFilters columns;

	private final SequenceStateRelationFilters relations;

	private SequenceStateConditions(FilterLimits limits) {
		this.columns = new ColumnFilters(limits);
		this.relations = new SequenceStateRelationFilters(this.columns);
	}

	/** The condition for {@code filter} (every state when it is null or empty). */
	public static Condition of(@Nullable Map<String, Object> filter, FilterLimits limits) {
		return (filter == null) ? DSL.noCondition() : new SequenceStateConditions(limits).filter(filter, "filter", 1);
	}

	/**
	 * The date columns the filter bounds on both sides, within {@code narrowerThan}, at
	 * its top level (where they restrict every row returned). Such a range holds few
	 * rows, whatever order the client asked for.
	 */
	@SuppressWarnings("unchecked")
	public static Set<Field<?>> narrowDateRanges(Map<String, Object> filter, Duration narrowerThan) {
		if (filter == null) {
			return Set.of();
		}
		Set<Field<?>> narrow = new HashSet<>();
		DATE_COLUMNS.forEach((name, column) -> {
			if (filter.get(name) instanceof Map<?, ?> operators) {
				OffsetDateTime lower = firstDate(operators, "gte", "gt", "eq");
				OffsetDateTime upper = firstDate(operators, "lte", "lt", "eq");
				if (lower != null && upper != null && Duration.between(lower, upper).compareTo(narrowerThan) <= 0) {
					narrow.add(column);
				}
			}
		});
		return narrow;
	}

	private static OffsetDateTime firstDate(Map<?, ?> operators, String... names) {
		for (String name : names) {
			if (operators.get(name) instanceof OffsetDateTime value) {
				return value;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private Condition filter(Map<String, Object> filter, String path, int depth) {
		if (depth > this.columns.limits().maxDepth()) {
			throw new LimitExceededException(
					"filter nests deeper than %d levels (at %s)".formatted(this.columns.limits().maxDepth(), path));
		}
		List<Condition> conditions = new ArrayList<>();
		for (Map.Entry<String, Object> entry : filter.entrySet()) {
			if (entry.getValue() == null) {
				continue;
			}
			String fieldPath = path + "." + entry.getKey();
			conditions.add(switch (entry.getKey()) {
				case "and" -> DSL.and(each((List<Map<String, Object>>) entry.getValue(), fieldPath, depth));
				case "or" -> DSL.or(each((List<Map<String, Object>>) entry.getValue(), fieldPath, depth));
				case "not" -> complement(filter((Map<String, Object>) entry.getValue(), fieldPath, depth + 1));
				default -> field(entry.getKey(), (Map<String, Object>) entry.getValue(), fieldPath);
			});
		}
		return DSL.and(conditions);
	}

	private List<Condition> each(List<Map<String, Object>> filters, String path, int depth) {
		List<Condition> conditions = new ArrayList<>(filters.size());
		for (int i = 0; i < filters.size(); i++) {
			conditions.add(filter(filters.get(i), path + "[" + i + "]", depth + 1));
		}
		return conditions;
	}

	private static Condition complement(Condition condition) {
		return DSL.field(condition).isDistinctFrom(DSL.inline(true));
	}

	private Condition field(String name, Map<String, Object> operators, String path) {
		return switch (name) {
			case "id" -> this.columns.id(SEQUENCE_STATE.ID, operators, path);
			case "state" -> this.columns.enumeration(SEQUENCE_STATE.STATE, SequenceStateStatus.class, operators, path);
			case "activeAt" -> this.columns.dateTime(SEQUENCE_STATE.ACTIVE_AT, operators, path);
			case "callCompletedAt" -> this.columns.dateTime(SEQUENCE_STATE.CALL_COMPLETED_AT, operators, path);
			case "createdAt" -> this.columns.dateTime(SEQUENCE_STATE.CREATED_AT, operators, path);
			case "repliedAt" -> this.columns.dateTime(SEQUENCE_STATE.REPLIED_AT, operators, path);
			case "stateChangedAt" -> this.columns.dateTime(SEQUENCE_STATE.STATE_CHANGED_AT, operators, path);
			case "updatedAt" -> this.columns.dateTime(SEQUENCE_STATE.UPDATED_AT, operators, path);
			case "bounceCount" -> this.columns.integer(SEQUENCE_STATE.BOUNCE_COUNT, operators, path);
			case "clickCount" -> this.columns.integer(SEQUENCE_STATE.CLICK_COUNT, operators, path);
			case "deliverCount" -> this.columns.integer(SEQUENCE_STATE.DELIVER_COUNT, operators, path);
			case "failureCount" -> this.columns.integer(SEQUENCE_STATE.FAILURE_COUNT, operators, path);
			case "negativeReplyCount" -> this.columns.integer(SEQUENCE_STATE.NEGATIVE_REPLY_COUNT, operators, path);
			case "neutralReplyCount" -> this.columns.integer(SEQUENCE_STATE.NEUTRAL_REPLY_COUNT, operators, path);
			case "openCount" -> this.columns.integer(SEQUENCE_STATE.OPEN_COUNT, operators, path);
			case "optOutCount" -> this.columns.integer(SEQUENCE_STATE.OPT_OUT_COUNT, operators, path);
			case "positiveReplyCount" -> this.columns.integer(SEQUENCE_STATE.POSITIVE_REPLY_COUNT, operators, path);
			case "replyCount" -> this.columns.integer(SEQUENCE_STATE.REPLY_COUNT, operators, path);
			case "scheduleCount" -> this.columns.integer(SEQUENCE_STATE.SCHEDULE_COUNT, operators, path);
			case "errorReason" -> this.columns.string(SEQUENCE_STATE.ERROR_REASON, operators, path);
			case "pauseReason" -> this.columns.string(SEQUENCE_STATE.PAUSE_REASON, operators, path);
			default -> this.relations.relation(name, operators, path);
		};
	}

}
