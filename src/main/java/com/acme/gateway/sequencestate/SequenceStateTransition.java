package com.acme.gateway.sequencestate;

import java.time.OffsetDateTime;

/**
 * One change of a sequence state's status, as recorded in
 * {@code sequence_state_transition}.
 *
 * @param from the status before; null for the creation
 * @param to the status after; never null here, because the deletion rows (to null) are
 * not exposed: a deleted state cannot be queried
 * @param reason the pause reason given with a pause; null otherwise
 * @param actorId the acting user; null when no one was authenticated
 * @param at the time of the transaction that made the change ({@code now()}); ties and
 * small inversions between near-simultaneous changes are possible, {@code id} order is
 * authoritative
 */
public record SequenceStateTransition(long id, long sequenceStateId, SequenceStateStatus from, SequenceStateStatus to,
		String reason, Long actorId, OffsetDateTime at) {
}
