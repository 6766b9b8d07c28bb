package com.acme.gateway.activity;

/**
 * A sequence state together with its current step: the key of the "active step"
 * relationships, which hold the rows of that state on that step only.
 */
public record StateStep(long sequenceStateId, long sequenceStepId) {
}
