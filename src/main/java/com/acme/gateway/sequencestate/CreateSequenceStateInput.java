package com.acme.gateway.sequencestate;

/**
 * The GraphQL input {@code CreateSequenceStateInput}, ids still as the client wrote them.
 */
public record CreateSequenceStateInput(String prospectId, String sequenceId, String mailboxId, String opportunityId) {
}
