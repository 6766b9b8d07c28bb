package com.acme.gateway.demo;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import java.sql.SQLException;
import java.util.List;

import org.jooq.Field;
import org.jooq.Table;

import com.acme.gateway.demo.DemoState.DemoCounters;

/** The sequence states themselves, as {@link DemoStates} computes them. */
record SequenceStateRows(DemoStates states) implements TableRows {

	@Override
	public Table<?> table() {
		return SEQUENCE_STATE;
	}

	@Override
	public List<Field<?>> columns() {
		var s = SEQUENCE_STATE;
		return List.of(s.ID, s.STATE, s.ACTIVE_AT, s.CALL_COMPLETED_AT, s.CREATED_AT, s.REPLIED_AT, s.STATE_CHANGED_AT,
				s.UPDATED_AT, s.BOUNCE_COUNT, s.CLICK_COUNT, s.DELIVER_COUNT, s.FAILURE_COUNT, s.NEGATIVE_REPLY_COUNT,
				s.NEUTRAL_REPLY_COUNT, s.OPEN_COUNT, s.OPT_OUT_COUNT, s.POSITIVE_REPLY_COUNT, s.REPLY_COUNT,
				s.SCHEDULE_COUNT, s.ERROR_REASON, s.PAUSE_REASON, s.ACCOUNT_ID, s.BATCH_ITEM_CREATOR_ID, s.CREATOR_ID,
				s.MAILBOX_ID, s.OPPORTUNITY_ID, s.PROSPECT_ID, s.SEQUENCE_ID, s.SEQUENCE_STEP_ID);
	}

	@Override
	public void write(CopyWriter out) throws SQLException {
		for (long id = 1; id <= states.shape().states(); id++) {
			DemoState state = states.state(id);
			DemoCounters counters = state.counters();
			out.id(state.id())
				.text(state.status())
				.timestamp(state.activeAt())
				.timestamp(state.callCompletedAt())
				.timestamp(state.createdAt())
				.timestamp(state.repliedAt())
				.timestamp(state.stateChangedAt())
				.timestamp(state.updatedAt())
				.integer(counters.bounce())
				.integer(counters.click())
				.integer(counters.deliver())
				.integer(counters.failure())
				.integer(counters.negativeReply())
				.integer(counters.neutralReply())
				.integer(counters.open())
				.integer(counters.optOut())
				.integer(counters.positiveReply())
				.integer(counters.reply())
				.integer(counters.schedule())
				.text(state.errorReason())
				.text(state.pauseReason())
				.id(state.accountId())
				.id(state.batchItemCreatorId())
				.id(state.creatorId())
				.id(state.mailboxId())
				.id(state.opportunityId())
				.id(state.prospectId())
				.id(state.sequenceId())
				.id(state.sequenceStepId())
				.endRow();
		}
	}
}
