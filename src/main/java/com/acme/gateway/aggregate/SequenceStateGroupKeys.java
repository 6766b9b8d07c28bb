package com.acme.gateway.aggregate;

import java.time.OffsetDateTime;
import java.util.Map;

import com.acme.gateway.sequencestate.SequenceStateStatus;

/**
 * The key values of one group ({@code SequenceStateGroupKeys}); a key not grouped on is
 * null, as is the key of the group of states without a value. Links are ids here: their
 * objects are loaded by {@link GroupKeyLinks} through the batched loaders every state
 * link uses.
 */
public record SequenceStateGroupKeys(SequenceStateStatus state, Long sequenceId, Long sequenceStepId, Long mailboxId,
		Long accountId, Long creatorId, Long opportunityId, Long prospectId, OffsetDateTime activeAt,
		OffsetDateTime callCompletedAt, OffsetDateTime createdAt, OffsetDateTime repliedAt,
		OffsetDateTime stateChangedAt, OffsetDateTime updatedAt) {

	static SequenceStateGroupKeys of(Map<GroupField, Object> values) {
		return new SequenceStateGroupKeys((SequenceStateStatus) values.get(GroupField.STATE),
				(Long) values.get(GroupField.SEQUENCE), (Long) values.get(GroupField.SEQUENCE_STEP),
				(Long) values.get(GroupField.MAILBOX), (Long) values.get(GroupField.ACCOUNT),
				(Long) values.get(GroupField.CREATOR), (Long) values.get(GroupField.OPPORTUNITY),
				(Long) values.get(GroupField.PROSPECT), (OffsetDateTime) values.get(GroupField.ACTIVE_AT),
				(OffsetDateTime) values.get(GroupField.CALL_COMPLETED_AT),
				(OffsetDateTime) values.get(GroupField.CREATED_AT), (OffsetDateTime) values.get(GroupField.REPLIED_AT),
				(OffsetDateTime) values.get(GroupField.STATE_CHANGED_AT),
				(OffsetDateTime) values.get(GroupField.UPDATED_AT));
	}

}
