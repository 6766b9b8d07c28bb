package com.acme.gateway.aggregate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.Field;

/**
 * The columns of {@code sequence_state} that aggregates read, by their GraphQL field
 * names: the counters (summed, averaged, compared), the date-times (their minimum and
 * maximum) and the links (counted distinct). In the order of the SDL, so answers list
 * them as declared.
 */
final class AggregateColumns {

	static final Map<String, Field<Integer>> COUNTERS = ordered("bounceCount", SEQUENCE_STATE.BOUNCE_COUNT,
			"clickCount", SEQUENCE_STATE.CLICK_COUNT, "deliverCount", SEQUENCE_STATE.DELIVER_COUNT, "failureCount",
			SEQUENCE_STATE.FAILURE_COUNT, "negativeReplyCount", SEQUENCE_STATE.NEGATIVE_REPLY_COUNT,
			"neutralReplyCount", SEQUENCE_STATE.NEUTRAL_REPLY_COUNT, "openCount", SEQUENCE_STATE.OPEN_COUNT,
			"optOutCount", SEQUENCE_STATE.OPT_OUT_COUNT, "positiveReplyCount", SEQUENCE_STATE.POSITIVE_REPLY_COUNT,
			"replyCount", SEQUENCE_STATE.REPLY_COUNT, "scheduleCount", SEQUENCE_STATE.SCHEDULE_COUNT);

	static final Map<String, Field<OffsetDateTime>> DATE_TIMES = ordered("activeAt", SEQUENCE_STATE.ACTIVE_AT,
			"callCompletedAt", SEQUENCE_STATE.CALL_COMPLETED_AT, "createdAt", SEQUENCE_STATE.CREATED_AT, "repliedAt",
			SEQUENCE_STATE.REPLIED_AT, "stateChangedAt", SEQUENCE_STATE.STATE_CHANGED_AT, "updatedAt",
			SEQUENCE_STATE.UPDATED_AT);

	static final Map<String, Field<Long>> LINKS = ordered("prospect", SEQUENCE_STATE.PROSPECT_ID, "account",
			SEQUENCE_STATE.ACCOUNT_ID, "sequence", SEQUENCE_STATE.SEQUENCE_ID, "sequenceStep",
			SEQUENCE_STATE.SEQUENCE_STEP_ID, "mailbox", SEQUENCE_STATE.MAILBOX_ID, "creator", SEQUENCE_STATE.CREATOR_ID,
			"opportunity", SEQUENCE_STATE.OPPORTUNITY_ID);

	private AggregateColumns() {
	}

	@SuppressWarnings("unchecked")
	private static <T> Map<String, Field<T>> ordered(Object... namesAndFields) {
		Map<String, Field<T>> columns = new LinkedHashMap<>();
		for (int i = 0; i < namesAndFields.length; i += 2) {
			columns.put((String) namesAndFields[i], (Field<T>) namesAndFields[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(columns);
	}

}
