package com.acme.gateway.sequencestate;

/**
 * The outcome of one conditional UPDATE: the status the row had just before it (read
 * under the row lock, so it is the status the write really replaced) and the row as
 * written.
 */
public record StateChange(SequenceStateStatus from, SequenceState state) {
}
