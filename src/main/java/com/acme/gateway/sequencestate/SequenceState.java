package com.acme.gateway.sequencestate;

import java.time.OffsetDateTime;

import com.acme.gateway.database.generated.tables.records.SequenceStateRecord;

/**
 * One prospect enrolled in one sequence: the 20 attributes of the resource plus the ids of the
 * rows it links to, from which the relationship resolvers batch-load the linked records.
 */
public record SequenceState(
		long id,
		SequenceStateStatus state,
		OffsetDateTime activeAt,
		OffsetDateTime callCompletedAt,
		OffsetDateTime createdAt,
		OffsetDateTime repliedAt,
		OffsetDateTime stateChangedAt,
		OffsetDateTime updatedAt,
		int bounceCount,
		int clickCount,
		int deliverCount,
		int failureCount,
		int negativeReplyCount,
		int neutralReplyCount,
		int openCount,
		int optOutCount,
		int positiveReplyCount,
		int replyCount,
		int scheduleCount,
		String errorReason,
		String pauseReason,
		Long accountId,
		Long batchItemCreatorId,
		Long creatorId,
		Long mailboxId,
		Long opportunityId,
		long prospectId,
		long sequenceId,
		Long sequenceStepId) {

	/**
	 * Equal when the same state at the same moment: every {@code @BatchMapping} keys its
	 * DataLoader by the state, so this runs a few times per state per relationship. The
	 * record's own equals and hashCode cover all 29 components and measured a tenth of the CPU of
	 * a 50-state page. The version ({@code updatedAt}, {@code state}) stays in the comparison
	 * so that a state before and after a mutation in the same request are different keys and
	 * do not share cached relationships (its transitions differ).
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof SequenceState that && this.id == that.id && this.state == that.state
				&& java.util.Objects.equals(this.updatedAt, that.updatedAt);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	/** Copies a row of {@code sequence_state}; the generated getters keep the columns type-checked. */
	public static SequenceState from(SequenceStateRecord row) {
		return new SequenceState(row.getId(), row.getState(), row.getActiveAt(), row.getCallCompletedAt(),
				row.getCreatedAt(), row.getRepliedAt(), row.getStateChangedAt(), row.getUpdatedAt(),
				row.getBounceCount(), row.getClickCount(), row.getDeliverCount(), row.getFailureCount(),
				row.getNegativeReplyCount(), row.getNeutralReplyCount(), row.getOpenCount(), row.getOptOutCount(),
				row.getPositiveReplyCount(), row.getReplyCount(), row.getScheduleCount(), row.getErrorReason(),
				row.getPauseReason(), row.getAccountId(), row.getBatchItemCreatorId(), row.getCreatorId(),
				row.getMailboxId(), row.getOpportunityId(), row.getProspectId(), row.getSequenceId(),
				row.getSequenceStepId());
	}

}
