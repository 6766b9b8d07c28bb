package com.acme.gateway.sequence;

import java.time.OffsetDateTime;

/** One step of a sequence; {@code order} is {@code step_order}, 1 for the first step. */
public record SequenceStep(long id, long sequenceId, String stepType, int order, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {
}
