package com.acme.gateway.sequencestate;

/**
 * What a create asks for: the prospect to enrol in the sequence, the mailbox to send
 * from, an optional opportunity, and the acting user (null while no one is
 * authenticated). Everything else on the new row is derived in the INSERT itself (see
 * {@link SequenceStateWriteRepository#insert}).
 */
public record NewSequenceState(long prospectId, long sequenceId, long mailboxId, Long opportunityId, Long creatorId) {
}
