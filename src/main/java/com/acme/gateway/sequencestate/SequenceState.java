package com.acme.gateway.sequencestate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.time.OffsetDateTime;
import java.util.Arrays;

import com.acme.gateway.database.ColumnPositions;

import org.jooq.Record;
import org.jspecify.annotations.Nullable;

/**
 * One prospect enrolled in one sequence: the 20 attributes of the resource plus the ids
 * of the rows it links to, from which the relationship resolvers batch-load the linked
 * records.
 *
 * <p>
 * Equality is the row's identity and version, not the record's component-wise equality:
 * two states are equal when they have the same {@code id}, {@code state} and
 * {@code updatedAt}. Why: every {@code @BatchMapping} keys its DataLoader, and the map it
 * returns, by the state itself, so equals and hashCode run several times per state per
 * relationship, and comparing all 29 components each time is wasted work (BENCHMARKS.md,
 * "Code shaped by measurements"). The version stays in the comparison so that a state
 * before and after a mutation in the same request are different keys and do not share
 * cached relationships (its transitions differ). The trap: two instances of one row at
 * the same version are equal even if they were built with different counters; every write
 * of the gateway sets {@code updated_at}, and a state is never built except from a row it
 * read.
 */
public record SequenceState(long id, SequenceStateStatus state, @Nullable OffsetDateTime activeAt,
		@Nullable OffsetDateTime callCompletedAt, OffsetDateTime createdAt, @Nullable OffsetDateTime repliedAt,
		@Nullable OffsetDateTime stateChangedAt, OffsetDateTime updatedAt, int bounceCount, int clickCount,
		int deliverCount, int failureCount, int negativeReplyCount, int neutralReplyCount, int openCount,
		int optOutCount, int positiveReplyCount, int replyCount, int scheduleCount, @Nullable String errorReason,
		@Nullable String pauseReason, @Nullable Long accountId, @Nullable Long batchItemCreatorId,
		@Nullable Long creatorId, @Nullable Long mailboxId, @Nullable Long opportunityId, long prospectId,
		long sequenceId, @Nullable Long sequenceStepId) {

	/** The same row at the same version; see the type's contract. */
	@Override
	public boolean equals(Object other) {
		return other instanceof SequenceState that && this.id == that.id && this.state == that.state
				&& java.util.Objects.equals(this.updatedAt, that.updatedAt);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	/**
	 * Where a row holds the state's columns: the gateway's statements select them in
	 * table order.
	 */
	private static final ColumnPositions COLUMNS = ColumnPositions.of(Arrays.asList(SEQUENCE_STATE.fields()));

	/**
	 * Reads the state's columns from a row that selected them: a {@code sequence_state}
	 * record, or a joined row that holds them beside other tables' columns. Read in
	 * place, by the generated fields, so the compiler still checks each column's type:
	 * copying a joined row into a table record first ({@code row.into(SEQUENCE_STATE)})
	 * built a second record and looked up every column again for each row (BENCHMARKS.md,
	 * "Code shaped by measurements"). The values are read by position
	 * ({@link ColumnPositions}).
	 */
	public static SequenceState from(Record row) {
		ColumnPositions.Reader values = COLUMNS.in(row);
		return new SequenceState(values.get(SEQUENCE_STATE.ID), values.get(SEQUENCE_STATE.STATE),
				values.get(SEQUENCE_STATE.ACTIVE_AT), values.get(SEQUENCE_STATE.CALL_COMPLETED_AT),
				values.get(SEQUENCE_STATE.CREATED_AT), values.get(SEQUENCE_STATE.REPLIED_AT),
				values.get(SEQUENCE_STATE.STATE_CHANGED_AT), values.get(SEQUENCE_STATE.UPDATED_AT),
				values.get(SEQUENCE_STATE.BOUNCE_COUNT), values.get(SEQUENCE_STATE.CLICK_COUNT),
				values.get(SEQUENCE_STATE.DELIVER_COUNT), values.get(SEQUENCE_STATE.FAILURE_COUNT),
				values.get(SEQUENCE_STATE.NEGATIVE_REPLY_COUNT), values.get(SEQUENCE_STATE.NEUTRAL_REPLY_COUNT),
				values.get(SEQUENCE_STATE.OPEN_COUNT), values.get(SEQUENCE_STATE.OPT_OUT_COUNT),
				values.get(SEQUENCE_STATE.POSITIVE_REPLY_COUNT), values.get(SEQUENCE_STATE.REPLY_COUNT),
				values.get(SEQUENCE_STATE.SCHEDULE_COUNT), values.get(SEQUENCE_STATE.ERROR_REASON),
				values.get(SEQUENCE_STATE.PAUSE_REASON), values.get(SEQUENCE_STATE.ACCOUNT_ID),
				values.get(SEQUENCE_STATE.BATCH_ITEM_CREATOR_ID), values.get(SEQUENCE_STATE.CREATOR_ID),
				values.get(SEQUENCE_STATE.MAILBOX_ID), values.get(SEQUENCE_STATE.OPPORTUNITY_ID),
				values.get(SEQUENCE_STATE.PROSPECT_ID), values.get(SEQUENCE_STATE.SEQUENCE_ID),
				values.get(SEQUENCE_STATE.SEQUENCE_STEP_ID));
	}

}
