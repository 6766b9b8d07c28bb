package com.acme.gateway.aggregate;

import static com.acme.gateway.database.generated.Tables.SEQUENCE_STATE;

import org.jooq.Field;

/**
 * The keys sequence states can be grouped by ({@code SequenceStateGroupField}): the
 * status, a link (grouped by its id, the related row loaded through its DataLoader), or a
 * date-time (grouped by the start of its bucket, see {@link GroupKey}).
 */
enum GroupField {

	STATE(SEQUENCE_STATE.STATE, false), SEQUENCE(SEQUENCE_STATE.SEQUENCE_ID, false),
	SEQUENCE_STEP(SEQUENCE_STATE.SEQUENCE_STEP_ID, false), MAILBOX(SEQUENCE_STATE.MAILBOX_ID, false),
	ACCOUNT(SEQUENCE_STATE.ACCOUNT_ID, false), CREATOR(SEQUENCE_STATE.CREATOR_ID, false),
	OPPORTUNITY(SEQUENCE_STATE.OPPORTUNITY_ID, false), PROSPECT(SEQUENCE_STATE.PROSPECT_ID, false),
	ACTIVE_AT(SEQUENCE_STATE.ACTIVE_AT, true), CALL_COMPLETED_AT(SEQUENCE_STATE.CALL_COMPLETED_AT, true),
	CREATED_AT(SEQUENCE_STATE.CREATED_AT, true), REPLIED_AT(SEQUENCE_STATE.REPLIED_AT, true),
	STATE_CHANGED_AT(SEQUENCE_STATE.STATE_CHANGED_AT, true), UPDATED_AT(SEQUENCE_STATE.UPDATED_AT, true);

	private final Field<?> column;

	private final boolean dateTime;

	GroupField(Field<?> column, boolean dateTime) {
		this.column = column;
		this.dateTime = dateTime;
	}

	Field<?> column() {
		return this.column;
	}

	/** True for the DateTime keys, which need a {@code truncateTo} and take no other. */
	boolean dateTime() {
		return this.dateTime;
	}

}
