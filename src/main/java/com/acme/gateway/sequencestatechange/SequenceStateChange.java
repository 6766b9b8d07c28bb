package com.acme.gateway.sequencestatechange;

import java.time.OffsetDateTime;

import com.acme.gateway.sequencestate.SequenceState;
import com.acme.gateway.sequencestate.SequenceStateTransition;

/**
 * One committed change of a {@code sequence_state} row, as the subscription
 * {@code sequenceStateChanges} delivers it.
 *
 * @param position where the change sits in the feed; the cursor encodes it
 * @param id the state's id
 * @param row the state as the change left it (as it was before, for DELETED): the filter
 * is read against it
 * @param transition the history row of the change when it was a state transition, else
 * null
 */
public record SequenceStateChange(ChangePosition position, SequenceStateChangeKind kind, long id,
		OffsetDateTime changedAt, SequenceState row, SequenceStateTransition transition) {

	/** The state as the schema exposes it: none for a deletion. */
	public SequenceState state() {
		return (this.kind == SequenceStateChangeKind.DELETED) ? null : this.row;
	}

}
